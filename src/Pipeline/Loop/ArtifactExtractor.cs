using System.Text;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Turns a model's answer into the code one target's checker receives. Lean and Coq get one file (the block that
/// proves the main theorem when the answer has several, else all blocks in order); SMT gets every obligation block,
/// one per proof step, as one obligation file whose obligations are separated by <c>(reset)</c> and labelled by step.
/// Blocks come from the one fence reader, with the same rules as the checkers: an unclosed or empty block is not code.
/// Unlike <c>check coq|lean FILE</c>, which takes the last block, a run knows the problem's main theorem, so it can
/// keep helper lemmas written in blocks of their own. The stored artifact is the code itself, so a checker's lines
/// count in the artifact, which is what <c>show</c> and the HTML report print, numbered.
/// </summary>
internal static class ArtifactExtractor
{
    public static (string Content, bool HasCode) Extract(string answer, string target, Problem problem)
    {
        var blocks = Fences.Read(answer, target == "lean" ? LeanExtraction.LiteralLines : null)
            .Where(b => b.Closed && !b.IsEmpty && FenceLanguages.TargetOf(b.Language) == target)
            .ToList();
        if (blocks.Count == 0)
        {
            return (string.Empty, false);
        }

        if (target == CheckTargets.Smt.Name)
        {
            var file = new StringBuilder();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (i > 0)
                {
                    file.Append("\n(reset)\n\n");
                }

                file.Append("; step ").Append(i + 1).Append('\n').Append(blocks[i].Code.Trim('\n')).Append('\n');
            }

            return (file.ToString(), true);
        }

        var main = problem.MainTheorem is { } name
            ? blocks.LastOrDefault(b => b.Code.Contains(name, StringComparison.Ordinal))
            : null;
        var code = main?.Code ?? string.Concat(blocks.Select(b => b.Code));
        return (code.TrimEnd('\n') + "\n", true);
    }
}
