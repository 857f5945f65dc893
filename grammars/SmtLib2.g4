/*
 * SMT-LIB 2.6 (https://smt-lib.org/language.shtml): scripts as the checker receives them, and the
 * responses z3 and cvc5 print (check-sat answers, get-model in both solvers' layouts, errors, get-info).
 *
 * Scripts are parsed as commands whose arguments are S-expressions: the checker's validator decides,
 * by command name and shape, what is allowed, so a forbidden command is reported as forbidden (with its
 * position) rather than as a syntax error. Responses are parsed structurally, because the counterexample
 * shown to a user is read from the model terms.
 */
grammar SmtLib2;

// ---------------------------------------------------------------- scripts

script
    : command* EOF
    ;

command
    : LPAREN name=symbol sExpr* RPAREN
    ;

sExpr
    : specConstant
    | symbol
    | UNDERSCORE
    | BANG
    | KEYWORD
    | LPAREN sExpr* RPAREN
    ;

// ---------------------------------------------------------------- responses

responses
    : response* EOF
    ;

response
    : checkSatResponse
    | errorResponse
    | modelResponse
    | infoResponse
    | echoed=STRING
    | symbol
    ;

checkSatResponse
    : SAT
    | UNSAT
    | UNKNOWN
    | TIMEOUT
    ;

errorResponse
    : LPAREN ERROR message=STRING RPAREN
    ;

// z3 4.8 prints "(", one define-fun per entry, ")"; older solvers print "(model ...)".
modelResponse
    : LPAREN MODEL? modelEntry* RPAREN
    ;

modelEntry
    : LPAREN DEFINE_FUN name=symbol LPAREN sortedVar* RPAREN sort term RPAREN     # definedFunction
    | LPAREN DEFINE_FUN_REC name=symbol LPAREN sortedVar* RPAREN sort term RPAREN # definedRecursiveFunction
    | LPAREN DECLARE_SORT name=symbol NUMERAL RPAREN                              # declaredSort
    | LPAREN DECLARE_FUN name=symbol LPAREN sort* RPAREN sort RPAREN               # declaredFunction
    | LPAREN FORALL LPAREN sortedVar+ RPAREN term RPAREN                          # cardinalityConstraint
    ;

infoResponse
    : LPAREN (KEYWORD attributeValue?)+ RPAREN
    ;

attributeValue
    : specConstant
    | symbol
    | LPAREN sExpr* RPAREN
    ;

// ---------------------------------------------------------------- terms and sorts

sortedVar
    : LPAREN symbol sort RPAREN
    ;

sort
    : identifier
    | LPAREN identifier sort+ RPAREN
    ;

identifier
    : symbol
    | LPAREN UNDERSCORE symbol index+ RPAREN
    ;

index
    : NUMERAL
    | symbol
    ;

qualIdentifier
    : identifier
    | LPAREN AS identifier sort RPAREN
    ;

varBinding
    : LPAREN symbol term RPAREN
    ;

term
    : specConstant                                            # constantTerm
    | qualIdentifier                                          # identifierTerm
    | LPAREN qualIdentifier term+ RPAREN                      # applicationTerm
    | LPAREN LET LPAREN varBinding+ RPAREN term RPAREN        # letTerm
    | LPAREN (FORALL | EXISTS | LAMBDA) LPAREN sortedVar+ RPAREN term RPAREN # binderTerm
    | LPAREN BANG term (KEYWORD attributeValue?)+ RPAREN      # annotatedTerm
    ;

specConstant
    : NUMERAL
    | DECIMAL
    | HEXADECIMAL
    | BINARY
    | STRING
    ;

// Reserved words of responses and terms are still ordinary symbols elsewhere (a user may name a constant "model").
symbol
    : SIMPLE_SYMBOL
    | QUOTED_SYMBOL
    | SAT
    | UNSAT
    | UNKNOWN
    | TIMEOUT
    | ERROR
    | MODEL
    | DEFINE_FUN
    | DEFINE_FUN_REC
    | DECLARE_SORT
    | DECLARE_FUN
    | LET
    | FORALL
    | EXISTS
    | LAMBDA
    | AS
    ;

// ---------------------------------------------------------------- lexer

LPAREN : '(' ;
RPAREN : ')' ;

SAT            : 'sat' ;
UNSAT          : 'unsat' ;
UNKNOWN        : 'unknown' ;
TIMEOUT        : 'timeout' ;
ERROR          : 'error' ;
MODEL          : 'model' ;
DEFINE_FUN     : 'define-fun' ;
DEFINE_FUN_REC : 'define-fun-rec' ;
DECLARE_SORT   : 'declare-sort' ;
DECLARE_FUN    : 'declare-fun' ;
LET            : 'let' ;
FORALL         : 'forall' ;
EXISTS         : 'exists' ;
LAMBDA         : 'lambda' ;
AS             : 'as' ;
UNDERSCORE     : '_' ;
BANG           : '!' ;

NUMERAL     : '0' | [1-9] [0-9]* ;
DECIMAL     : NUMERAL '.' [0-9]+ ;
HEXADECIMAL : '#x' [0-9a-fA-F]+ ;
BINARY      : '#b' [01]+ ;

// A doubled quote inside a string stands for one quote (SMT-LIB 2.6); strings may span lines.
STRING : '"' ( ~'"' | '""' )* '"' ;

QUOTED_SYMBOL : '|' ~[|\\]* '|' ;

KEYWORD : ':' SYMBOL_CHAR+ ;

SIMPLE_SYMBOL : SYMBOL_START SYMBOL_CHAR* ;

COMMENT    : ';' ~[\r\n]* -> channel(HIDDEN) ;
WHITESPACE : [ \t\r\n]+ -> channel(HIDDEN) ;

// Anything else is a lexical error the parser reports with its position.
UNEXPECTED : . ;

fragment SYMBOL_START : [a-zA-Z~!@$%^&*_+=<>.?/-] ;
fragment SYMBOL_CHAR  : [a-zA-Z0-9~!@$%^&*_+=<>.?/-] ;
