namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// One thing wrong with a problem folder: the file, and where known the line and column (1-based), so a user
/// can jump straight to it.
/// </summary>
public sealed record ProblemError(string File, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"{File}:{line}:{column}: {Message}",
        ({ } line, null) => $"{File}:{line}: {Message}",
        _ => $"{File}: {Message}",
    };
}
