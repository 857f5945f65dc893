using ProofCheck.Core;

namespace ProofCheck.Smt.Obligations;

/// <summary>One top-level command of an obligation file, with its exact source text and where it starts.</summary>
/// <param name="Arguments">The source text of each argument, in order.</param>
internal sealed record ScriptCommand(string Name, string Text, SourceSpan Span, IReadOnlyList<string> Arguments)
{
    /// <summary>The position of the command name (what a finding points at).</summary>
    public required SourceSpan NameSpan { get; init; }

    /// <summary>True for a command of the shape <c>(assert (not X))</c>, the form an obligation must end with.</summary>
    public bool IsNegatedAssert { get; init; }
}
