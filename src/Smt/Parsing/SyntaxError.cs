using ProofCheck.Core;

namespace ProofCheck.Smt.Parsing;

/// <summary>The first syntax error in a text, at a 1-based line and column.</summary>
internal sealed record SyntaxError(int Line, int Column, string Message)
{
    public SourceSpan Span => new(Line, Column);

    public override string ToString() => $"{Line}:{Column}: {Message}";
}
