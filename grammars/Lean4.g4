/*
 * Lean 4: a faithful lexer and a parser for the top-level command structure of a file.
 *
 * The lexer follows Lean's own token functions (Lean.Parser.Basic): nested block comments, doc comments,
 * strings with Lean's escapes and string gaps, interpolated strings (s!/m!/f!) with nested holes, raw
 * strings, char literals, «» identifiers, Lean's identifier alphabet (ASCII letters, Greek except λ Π Σ,
 * Coptic, letter-like symbols, mathematical alphanumerics, Latin-1 and Latin Extended-A, subscripts) and
 * numeric literals. Lean's token table is extensible (every notation adds tokens), so any other
 * punctuation is one OTHER token per code point.
 *
 * The parser knows only what a checker needs: where each command starts, its modifiers and attributes,
 * its keyword, the declared name, the binders, the type and the body. A body is every token up to the next
 * token that can only start a command, so nothing inside a proof can derail the structure, and anything the
 * parser does not understand becomes a "stray" command instead of an error.
 */
grammar Lean4;

// ---------------------------------------------------------------- parser

file : header command* EOF ;

header : MODULE? importLine* ;

importLine : (PUBLIC | META)* IMPORT ALL? IDENT ;

command
    : declModifiers declaration             # declarationCommand
    | declModifiers scopedCommand           # otherCommand
    | strayTokens                           # strayCommand
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

declBody : (ASSIGN | WHERE | BAR | DERIVING) bodyToken* ;

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

strayTokens : bodyToken+ ;

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

// #eval, #print, #exit, #check, #guard_msgs … (`#[` is an array literal: `#` then `[`).
HASH_COMMAND : '#' [a-zA-Z_] [a-zA-Z_0-9]* '!'? ;

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

STRING : '"' STRING_CHAR* '"' ;
INTERPOLATED_STRING : [smf] '!"' ( STRING_CHAR_NO_BRACE | '\\{' | HOLE )* '"' ;
RAW_STRING
    : 'r"' .*? '"'
    | 'r#"' .*? '"#'
    | 'r##"' .*? '"##'
    | 'r###"' .*? '"###'
    ;
CHAR : '\'' ( ESCAPE | ~['\\\n] ) '\'' ;

fragment STRING_CHAR : ESCAPE | STRING_GAP | ~["\\] ;
fragment STRING_CHAR_NO_BRACE : ESCAPE | STRING_GAP | ~["\\{] ;
fragment ESCAPE : '\\' ( [\\"'rnt] | 'x' HEX HEX | 'u' HEX HEX HEX HEX ) ;
fragment STRING_GAP : '\\' '\r'? '\n' [ \t]* ;
fragment HEX : [0-9a-fA-F] ;
// An interpolation hole holds a term, which may contain strings, char literals and braces of its own.
fragment HOLE : '{' ( HOLE | '"' STRING_CHAR* '"' | '\'' ( ESCAPE | ~['\\\n] ) '\'' | ~[{}"] )* '}' ;

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
