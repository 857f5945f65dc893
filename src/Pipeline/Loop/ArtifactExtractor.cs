using System.Text;
using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Turns a model's answer into the submission one target's checker receives: Markdown holding that target's
/// fenced blocks. Lean and Coq get one file (the block that proves the main theorem when the answer has several);
/// SMT gets every obligation block, one per proof step.
/// </summary>
internal static class ArtifactExtractor
{
    public static (string Content, bool HasCode) Extract(string answer, string target, Problem problem)
    {
        var blocks = CodeBlocks.Find(answer)
            .Where(b => CodeBlocks.TargetOf(b.Language) == target && !string.IsNullOrWhiteSpace(b.Code))
            .ToList();
        if (blocks.Count == 0)
        {
            return (string.Empty, false);
        }

        var fence = CodeBlocks.FenceFor(target);
        if (target == "smt")
        {
            return (string.Join("\n", blocks.Select(b => Fenced(fence, b.Code))), true);
        }

        var main = problem.MainTheorem is { } name
            ? blocks.LastOrDefault(b => b.Code.Contains(name, StringComparison.Ordinal))
            : null;
        var code = main?.Code ?? string.Concat(blocks.Select(b => b.Code));
        return (Fenced(fence, code), true);
    }

    private static string Fenced(string fence, string code) =>
        new StringBuilder().Append("```").Append(fence).Append('\n').Append(code.TrimEnd('\n')).Append("\n```\n").ToString();
}
