/*
 * Lean 4: a faithful lexer and a parser for the top-level command structure of a file.
 *
 * The lexer follows Lean's own token functions (Lean.Parser.Basic: whitespace/finishCommentBlock, strLitFnAux,
 * charLitFnAux, rawStrLitFnAux, interpolatedStrFn, identFnAux, numberFnAux): nested block comments, doc comments,
 * strings with Lean's escapes and string gaps, interpolated strings with nested holes, raw strings with any number
 * of '#' (the closing run must match the opening one: Lean4Lexer.Partial.cs counts them), char literals (any one
 * character between quotes, a newline included, or an escape), «» identifiers, Lean's identifier alphabet (ASCII
 * letters, Greek except λ Π Σ, Coptic, letter-like symbols, mathematical alphanumerics, Latin-1 and Latin
 * Extended-A, subscripts) and numeric literals. Whether a string is interpolated depends on the parser in Lean
 * (`s!`, `m!`, `f!`, `throwError`, `dbg_trace` … take an interpolatedStr): the lexer reads the string after those
 * words, with or without a space between, as an interpolated string. Lean's token table is extensible (every
 * notation adds tokens), so any other punctuation is one OTHER token per code point.
 *
 * The parser knows only what a checker needs: where each command starts, its modifiers and attributes,
 * its keyword, the declared name, the binders, the type and the body. A body is every token up to the next
 * token that can only start a command, so nothing inside a proof can derail the structure.
 *
 * Linear time: a body ends only at a token that starts a command, and text the grammar cannot place is allowed
 * only where no body could have continued (before the first command, or after modifiers). Were a "stray"
 * command allowed right after a body, every body token would be ambiguous (continue the body, or begin a stray
 * command) and ALL(*) prediction would look ahead to the next command keyword for each of them: quadratic in the
 * length of a proof (a 1,340-line proof took minutes). Each decision below now looks ahead a bounded distance
 * (at most to the end of one declaration header).
 */
grammar Lean4;


// ---------------------------------------------------------------- parser

file : header strayTokens? command* EOF ;

header : MODULE? importLine* ;

importLine : (PUBLIC | META)* IMPORT ALL? IDENT ;

command
    : declModifiers declaration             # declarationCommand
    | declModifiers scopedCommand           # otherCommand
    | (attributes | modifier)+ bodyToken*   # strayCommand
    ;

declModifiers : (DOC_COMMENT | attributes | modifier)* ;

attributes : ATTR_OPEN balanced* RBRACKET ;

modifier : PRIVATE | PUBLIC | PROTECTED | NONCOMPUTABLE | UNSAFE | PARTIAL | NONREC | META | LOCAL | SCOPED ;

declaration : declKind declId? binder* extendsClause? typeSpec? declBody? ;

// `structure S extends A, B where`, `class C (α) extends Mul α where`
extendsClause : EXTENDS typeToken* ;

declKind
    : THEOREM | LEMMA | DEF | ABBREV | INSTANCE | EXAMPLE | AXIOM | OPAQUE
    | INDUCTIVE | COINDUCTIVE | STRUCTURE | CLASS INDUCTIVE? | CLASS
    ;

// `instance (priority := 100) foo`, `foo.{u v}`
declId : priorityArgs (IDENT universeParams?)? | IDENT universeParams? ;

priorityArgs : LPAREN IDENT ASSIGN balanced* RPAREN ;

universeParams : DOT LBRACE balanced* RBRACE ;

binder
    : LPAREN balanced* RPAREN
    | LBRACE balanced* RBRACE
    | LBRACKET balanced* RBRACKET
    | STRICT_OPEN balanced* STRICT_CLOSE
    ;

typeSpec : COLON typeToken* ;

// A body also begins at a token that can follow no part of a header (an unmatched closing bracket, a doc
// comment), so a broken header never leaves text outside every command.
declBody : (ASSIGN | WHERE | BAR | DERIVING | RPAREN | RBRACE | RBRACKET | STRICT_CLOSE | DOC_COMMENT) bodyToken* ;

// Commands that are not declarations: scoping, options, metaprogramming, #-commands. Their arguments run to
// the next command start.
scopedCommand
    : DERIVING_INSTANCE bodyToken*                       // deriving instance Repr for Foo
    | ATTRIBUTE LBRACKET balanced* RBRACKET bodyToken*   // attribute [local instance] foo
    | commandKeyword bodyToken*
    ;

commandKeyword
    : NAMESPACE | SECTION | END | OPEN | EXPORT | VARIABLE | UNIVERSE | SET_OPTION | ATTRIBUTE | MUTUAL
    | INCLUDE | OMIT | NOTATION | INFIX | INFIXL | INFIXR | PREFIX | POSTFIX | MACRO | MACRO_RULES | SYNTAX
    | ELAB | ELAB_RULES | DECLARE_SYNTAX_CAT | INITIALIZE | RUN_CMD | RUN_ELAB | RUN_META | HASH_COMMAND
    | DERIVING | IMPORT | MODULE | ADD_DECL_DOC | REGISTER_OPTION | INIT_QUOT
    ;

// Text before the first command (model chatter). It cannot begin with a doc comment, which belongs to a command.
strayTokens : ~(EOF | ATTR_OPEN | DOC_COMMENT
    | THEOREM | LEMMA | DEF | ABBREV | INSTANCE | EXAMPLE | AXIOM | OPAQUE | INDUCTIVE | COINDUCTIVE | STRUCTURE
    | CLASS | PRIVATE | PUBLIC | PROTECTED | NONCOMPUTABLE | UNSAFE | PARTIAL | NONREC | META | LOCAL | SCOPED
    | NAMESPACE | SECTION | END | OPEN | EXPORT | VARIABLE | UNIVERSE | SET_OPTION | ATTRIBUTE | MUTUAL
    | INCLUDE | OMIT | NOTATION | INFIX | INFIXL | INFIXR | PREFIX | POSTFIX | MACRO | MACRO_RULES | SYNTAX
    | ELAB | ELAB_RULES | DECLARE_SYNTAX_CAT | INITIALIZE | RUN_CMD | RUN_ELAB | RUN_META | HASH_COMMAND
    | IMPORT | MODULE | ADD_DECL_DOC | REGISTER_OPTION | INIT_QUOT | MOD_DOC | DERIVING_INSTANCE) bodyToken* ;

// Tokens inside a type: balanced brackets, stopping before the body.
typeToken : bracketGroup | ~(ASSIGN | WHERE | DERIVING | LPAREN | RPAREN | LBRACE | RBRACE | LBRACKET | RBRACKET
                          | STRICT_OPEN | STRICT_CLOSE | ATTR_OPEN | EOF | DOC_COMMENT
    | THEOREM | LEMMA | DEF | ABBREV | INSTANCE | EXAMPLE | AXIOM | OPAQUE | INDUCTIVE | COINDUCTIVE | STRUCTURE
    | CLASS | PRIVATE | PUBLIC | PROTECTED | NONCOMPUTABLE | UNSAFE | PARTIAL | NONREC | META | LOCAL | SCOPED
    | NAMESPACE | SECTION | END | OPEN | EXPORT | VARIABLE | UNIVERSE | SET_OPTION | ATTRIBUTE | MUTUAL
    | INCLUDE | OMIT | NOTATION | INFIX | INFIXL | INFIXR | PREFIX | POSTFIX | MACRO | MACRO_RULES | SYNTAX
    | ELAB | ELAB_RULES | DECLARE_SYNTAX_CAT | INITIALIZE | RUN_CMD | RUN_ELAB | RUN_META | HASH_COMMAND
    | IMPORT | MODULE | ADD_DECL_DOC | REGISTER_OPTION | INIT_QUOT | MOD_DOC | DERIVING_INSTANCE) ;

bracketGroup
    : LPAREN balanced* RPAREN
    | LBRACE balanced* RBRACE
    | LBRACKET balanced* RBRACKET
    | STRICT_OPEN balanced* STRICT_CLOSE
    ;

balanced : bracketGroup | ~(LPAREN | RPAREN | LBRACE | RBRACE | LBRACKET | RBRACKET | STRICT_OPEN | STRICT_CLOSE | EOF) ;

// The tokens below can only begin a command, so a body ends before them. Doc comments stay in bodies (structure
// fields carry them); a declaration after one still starts at its keyword.
bodyToken : ~(EOF | ATTR_OPEN
    | THEOREM | LEMMA | DEF | ABBREV | INSTANCE | EXAMPLE | AXIOM | OPAQUE | INDUCTIVE | COINDUCTIVE | STRUCTURE
    | CLASS | PRIVATE | PUBLIC | PROTECTED | NONCOMPUTABLE | UNSAFE | PARTIAL | NONREC | META | LOCAL | SCOPED
    | NAMESPACE | SECTION | END | OPEN | EXPORT | VARIABLE | UNIVERSE | SET_OPTION | ATTRIBUTE | MUTUAL
    | INCLUDE | OMIT | NOTATION | INFIX | INFIXL | INFIXR | PREFIX | POSTFIX | MACRO | MACRO_RULES | SYNTAX
    | ELAB | ELAB_RULES | DECLARE_SYNTAX_CAT | INITIALIZE | RUN_CMD | RUN_ELAB | RUN_META | HASH_COMMAND
    | IMPORT | MODULE | ADD_DECL_DOC | REGISTER_OPTION | INIT_QUOT | MOD_DOC | DERIVING_INSTANCE) ;

// ---------------------------------------------------------------- lexer

DOC_COMMENT : '/--' COMMENT_REST ;
MOD_DOC : '/-!' COMMENT_REST -> channel(HIDDEN) ;
BLOCK_COMMENT : '/-' COMMENT_REST -> channel(HIDDEN) ;
// Wins only when the comment never closes (a closed one is longer): Lean reports "unterminated comment".
UNTERMINATED_COMMENT : '/-' ;
LINE_COMMENT : '--' ~[\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n]+ -> channel(HIDDEN) ;

fragment COMMENT_REST : ( NESTED_COMMENT | . )*? '-/' ;
fragment NESTED_COMMENT : '/-' ( NESTED_COMMENT | . )*? '-/' ;

// Command and modifier keywords. A longer identifier (theorems, definitely) wins by longest match.
THEOREM : 'theorem' ;
LEMMA : 'lemma' ;
DEF : 'def' ;
ABBREV : 'abbrev' ;
INSTANCE : 'instance' ;
EXAMPLE : 'example' ;
AXIOM : 'axiom' ;
OPAQUE : 'opaque' ;
INDUCTIVE : 'inductive' ;
COINDUCTIVE : 'coinductive' ;
STRUCTURE : 'structure' ;
CLASS : 'class' ;
PRIVATE : 'private' ;
PUBLIC : 'public' ;
PROTECTED : 'protected' ;
NONCOMPUTABLE : 'noncomputable' ;
UNSAFE : 'unsafe' ;
PARTIAL : 'partial' ;
NONREC : 'nonrec' ;
META : 'meta' ;
LOCAL : 'local' ;
SCOPED : 'scoped' ;
NAMESPACE : 'namespace' ;
SECTION : 'section' ;
END : 'end' ;
OPEN : 'open' ;
EXPORT : 'export' ;
VARIABLE : 'variable' ;
UNIVERSE : 'universe' ;
SET_OPTION : 'set_option' ;
ATTRIBUTE : 'attribute' ;
MUTUAL : 'mutual' ;
INCLUDE : 'include' ;
OMIT : 'omit' ;
NOTATION : 'notation' ;
INFIX : 'infix' ;
INFIXL : 'infixl' ;
INFIXR : 'infixr' ;
PREFIX : 'prefix' ;
POSTFIX : 'postfix' ;
MACRO : 'macro' ;
MACRO_RULES : 'macro_rules' ;
SYNTAX : 'syntax' ;
ELAB : 'elab' ;
ELAB_RULES : 'elab_rules' ;
DECLARE_SYNTAX_CAT : 'declare_syntax_cat' ;
INITIALIZE : 'initialize' | 'builtin_initialize' ;
RUN_CMD : 'run_cmd' ;
RUN_ELAB : 'run_elab' ;
RUN_META : 'run_meta' ;
ADD_DECL_DOC : 'add_decl_doc' ;
REGISTER_OPTION : 'register_option' ;
INIT_QUOT : 'init_quot' ;
IMPORT : 'import' ;
MODULE : 'module' ;
ALL : 'all' ;
// `deriving instance … for …` is a command; a bare `deriving` clause belongs to a structure.
DERIVING_INSTANCE : 'deriving' [ \t\r\n]+ 'instance' ;
WHERE : 'where' ;
EXTENDS : 'extends' ;
DERIVING : 'deriving' ;

// #eval, #print, #exit, #check, #guard_msgs … (`#[` is an array literal: `#` then `[`). Lean's token table
// decides (longest match): `#eval` is a command token, but `#A` is Mathlib's `#` (Finset.card) then the identifier
// `A`. IsHashCommand (Lean4Lexer.Partial.cs) says which: a known command word, or an unknown one standing where a
// command can (first on its line, not after a token that needs a term); otherwise the `#` is an OTHER token.
HASH_COMMAND : '#' [a-zA-Z_] [a-zA-Z_0-9]* '!'? { IsHashCommand() }? ;

ATTR_OPEN : '@[' ;
ASSIGN : ':=' ;
COLON : ':' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
STRICT_OPEN : '⦃' | '{{' ;
STRICT_CLOSE : '⦄' ;
BAR : '|' ;
DOT : '.' ;

// After `s!`, `m!`, `f!`, `throwError`, `dbg_trace` … (InterpolationExpected, Lean4Lexer.Partial.cs) a string is
// interpolated: its {…} holes are code.
INTERPOLATED_STRING
    : [smf] '!"' INTERPOLATED_REST
    | { InterpolationExpected }? '"' INTERPOLATED_REST
    ;
STRING : '"' STRING_CHAR* '"' ;
// rawStrLitFnAux: r, any number of #, a quote; the rest (up to a quote followed by as many #) is read by
// ReadRawStringRest. An unterminated one becomes UNTERMINATED_STRING.
RAW_STRING : 'r' '#'* '"' { ReadRawStringRest(); } ;
// charLitFnAux: one character (any, a newline included) or an escape, then a quote.
CHAR : '\'' ( ESCAPE | ~['\\] ) '\'' ;
// Never matched (its predicate is false): the type ReadRawStringRest gives a raw string that never closes.
UNTERMINATED_STRING : { false }? 'r"' ;

fragment INTERPOLATED_REST : ( STRING_CHAR_NO_BRACE | '\\{' | HOLE )* '"' ;

fragment STRING_CHAR : ESCAPE | STRING_GAP | ~["\\] ;
fragment STRING_CHAR_NO_BRACE : ESCAPE | STRING_GAP | ~["\\{] ;
fragment ESCAPE : '\\' ( [\\"'rnt] | 'x' HEX HEX | 'u' HEX HEX HEX HEX ) ;
fragment STRING_GAP : '\\' '\r'? '\n' [ \t]* ;
fragment HEX : [0-9a-fA-F] ;
// An interpolation hole holds a term, which may contain strings, char literals and braces of its own.
fragment HOLE : '{' ( HOLE | '"' STRING_CHAR* '"' | '\'' ( ESCAPE | ~['\\] ) '\'' | ~[{}"] )* '}' ;

NUMBER
    : '0' [bB] [01_]* [01] [01_]*
    | '0' [oO] [0-7_]* [0-7] [0-7_]*
    | '0' [xX] [0-9a-fA-F_]* [0-9a-fA-F] [0-9a-fA-F_]*
    | DIGITS ( '.' DIGITS )? ( [eE] [+-]? DIGITS )?
    ;
fragment DIGITS : [0-9] [0-9_]* ;

NAME_LITERAL : '`' '`'? ID_PART ( '.' ID_PART )* ;

IDENT : ID_PART ( '.' ID_PART )* ;

fragment ID_PART : ID_FIRST ID_REST* | '«' ~[»]* '»' ;
fragment ID_FIRST : [a-zA-Z_] | LETTER_LIKE ;
fragment ID_REST : [a-zA-Z0-9_'!?] | LETTER_LIKE | SUBSCRIPT ;
fragment LETTER_LIKE
    : [\u03B1-\u03BA\u03BC-\u03C9]            // lower Greek except λ
    | [\u0391-\u039F\u03A1\u03A4-\u03A9]      // upper Greek except Π and Σ
    | [\u03CA-\u03FB]                         // Coptic
    | [\u1F00-\u1FFE]                         // polytonic Greek
    | [\u2100-\u214F]                         // letter-like block (ℕ ℤ ℝ …)
    | [\u{1D49C}-\u{1D59F}]                   // script, double-struck, Fraktur
    | [\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF] // Latin-1 letters except × and ÷
    | [\u0100-\u017F]                         // Latin Extended-A
    ;
fragment SUBSCRIPT : [\u2080-\u2089\u2090-\u209C\u1D62-\u1D6A\u2C7C] ;

// Lean's own multi-character symbols (longest match, as Lean's token table does it).
SYMBOL
    : '=>' | '->' | '<-' | '<->' | '<;>' | '<|>' | '<|' | '|>.' | '|>' | '::' | '++' | '&&' | '||' | '==' | '!='
    | '<=' | '>=' | '..' | '...' | '%[' | '`(' | '$(' | '@&'
    ;

// Everything else (operators, notation symbols, stray quotes) is one token per code point.
OTHER : . ;
