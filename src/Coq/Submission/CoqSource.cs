using ProofCheck.Core;

namespace ProofCheck.Coq.Submission;

/// <summary>
/// The Coq code taken from a model's answer. <see cref="LineOffset"/> is added to a line of <see cref="Code"/>
/// to get the line of the original answer, so every message points at the text the model wrote.
/// </summary>
internal sealed record CoqSource(string Code, int LineOffset, string Origin);

/// <summary>Takes the Coq code out of Markdown with the one fence reader (<see cref="Fences.Choose"/>).</summary>
internal static class CoqSourceExtractor
{
    private static readonly HashSet<string> CoqLabels = new(CoqTarget.Descriptor.FenceLanguages, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code to check, or null with <paramref name="problem"/> saying why nothing usable was found.</summary>
    public static CoqSource? Extract(string answer, out string? problem)
    {
        var choice = Fences.Choose(answer, "coq", "Coq", CoqLabels);
        problem = choice.Problem;
        return choice.Code is null ? null : new CoqSource(choice.Code, choice.LineOffset, choice.Origin);
    }
}
