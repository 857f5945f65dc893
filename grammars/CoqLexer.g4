// A lexer for Coq (8.16) vernacular, enough to split a file into sentences exactly as coqc does and to scan
// them for forbidden commands. It follows coqc's own lexical rules where they decide what is code:
//  - comments nest, and a string inside a comment is a string: "(* \" *) \" *)" is one comment;
//  - a string escapes its quote by doubling it ("a""b");
//  - a sentence ends at a '.' or a '...' followed by whitespace or the end of input (coqc reads
//    'idtac... Cmd.' as two sentences); any other '.' belongs to a qualified name (Nat.add), a number
//    (1.5), a projection (x.(f)) or a notation, and ends nothing.
// Where coqc still reads a file differently (a notation can make '.(*' one token), the checker compares
// this split with the sentence ranges coqc itself reports (coqc -time) and refuses any difference.
// Characters the grammar does not know are kept as OTHER tokens (never skipped), so the audit sees them.
lexer grammar CoqLexer;

COMMENT          : '(*' ( COMMENT | STRING_BODY | . )*? '*)' ;

STRING           : STRING_BODY ;

// A string with no closing quote runs to the end of input (it cannot cross a lone quote, so it never
// competes with STRING); the splitter reports it. An unterminated comment shows up as '(' directly
// followed by a '*' symbol, which no terminated comment can produce, and is reported the same way.
UNTERMINATED_STRING : '"' ( '""' | ~'"' )* EOF ;

// A sentence terminator: the dot (or '...') and the single whitespace character that makes it one.
SENTENCE_END     : ( '...' | '.' ) ( [ \t\r\n\f] | EOF ) ;

ATTRIBUTE_OPEN   : '#[' ;

NUMBER           : DIGIT ( DIGIT | '_' )* ( '.' DIGIT ( DIGIT | '_' )* )? ( [eE] [+-]? DIGIT ( DIGIT | '_' )* )?
                 | '0' [xX] HEXDIGIT ( HEXDIGIT | '_' )* ;

// A (possibly qualified) identifier: Nat.add_comm is one token, so a '.' inside it never ends a sentence.
IDENT            : IDENT_PART ( '.' IDENT_PART )* ;

DOTS             : '.' '.'+ ;

DOT              : '.' ;

OPEN_PAREN       : '(' ;
CLOSE_PAREN      : ')' ;
OPEN_BRACKET     : '[' ;
CLOSE_BRACKET    : ']' ;
OPEN_BRACE       : '{' ;
CLOSE_BRACE      : '}' ;
COMMA            : ',' ;

// Runs of ASCII operator characters (":=", "->", "<->", "%", bullets such as "--").
SYMBOL           : [!#$%&*+\-/:;<=>?@\\^|~`']+ ;

WHITESPACE       : [ \t\r\n\f]+ -> channel(HIDDEN) ;

OTHER            : . ;

fragment STRING_BODY : '"' ( '""' | ~'"' )* '"' ;
fragment DIGIT       : [0-9] ;
fragment HEXDIGIT    : [0-9a-fA-F] ;
fragment IDENT_PART  : IDENT_START IDENT_CHAR* ;
fragment IDENT_START : [_\p{L}] ;
fragment IDENT_CHAR  : [_'\p{L}\p{Nd}] ;
