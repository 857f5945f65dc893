namespace ProofCheck.Core;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Information,
}

/// <summary>A region of a source text. Lines and columns are 1-based; columns count Unicode code points.</summary>
public sealed record SourceSpan(int Line, int Column, int? EndLine = null, int? EndColumn = null)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// One message from a checker or the audit, in the terms a user (and the repair loop) needs:
/// where, what, and for proof assistants the goal state at that point.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Message, SourceSpan? Span = null)
{
    /// <summary>The open goals at the failure point, when the checker reported them; the repair loop needs them.</summary>
    public string? Goal { get; init; }

    /// <summary>Which component produced the message (e.g. "z3", "coqc", "audit").</summary>
    public string? Source { get; init; }

    public static Diagnostic Error(string message, SourceSpan? span = null, string? source = null) =>
        new(DiagnosticSeverity.Error, message, span) { Source = source };

    public override string ToString() => Span is null ? Message : $"{Span}: {Message}";
}
