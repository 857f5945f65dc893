// The generated lexer marks itself [CLSCompliant(false)]; that attribute needs an assembly-level declaration.
[assembly: CLSCompliant(false)]
