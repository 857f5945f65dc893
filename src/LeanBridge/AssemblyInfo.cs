// The ANTLR-generated lexer and parser mark themselves non-CLS-compliant; the assembly has to say where it stands.
[assembly: System.CLSCompliant(false)]
