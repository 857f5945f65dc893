namespace ProofCheck.Coq.Syntax;

/// <summary>Text coqc cannot read as sentences (an unterminated comment or string, a last sentence with no dot).</summary>
internal sealed record LexicalProblem(string Message, int Line, int Column);
