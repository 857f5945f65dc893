using Microsoft.Extensions.AI;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Problems;
using ProofCheck.TestSupport;

namespace ProofCheck.Reports.Tests.Example;

/// <summary>
/// The scripted model behind examples/memorization/replay.jsonl: a caricature of a model that memorized the
/// well-known originals. It proves every original at once; on a variant it usually writes the original's proof
/// again (which proves the wrong statement), sometimes gets it right, and after checker feedback fixes about half
/// of its mistakes. It claims "QED" either way, mostly. Deterministic: the answer depends only on the problem, the
/// sample and the stage (run it with one worker, so samples arrive in order).
/// </summary>
internal sealed class MemorizingModel(IReadOnlyList<Problem> problems, IReadOnlyDictionary<string, Problem> originals) : CannedChatClient
{
    // The "memorized" step: true for the original's constant, false in general (z3 finds a counterexample).
    private const string FalseStep = "```smt2\n(declare-const b Int)\n(assert (>= b 2))\n(assert (not (= b 10)))\n(check-sat)\n```";

    private readonly Dictionary<string, int> provesSeen = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Concat(messages.Select(m => m.Text));
        // The statement is in every prompt; the longest one that matches is this problem's (a variant's statement never
        // contains its original's whole statement, but guard against prefixes anyway).
        var problem = problems.Where(p => prompt.Contains(p.StatementMarkdown.Trim(), StringComparison.Ordinal))
            .MaxBy(p => p.StatementMarkdown.Length)
            ?? throw new ReplayMismatchException("The memorizing model does not know the problem of this prompt.");
        int sample;
        lock (gate)
        {
            if (prompt.StartsWith("You are a careful mathematician", StringComparison.Ordinal))
            {
                provesSeen[problem.Id] = provesSeen.GetValueOrDefault(problem.Id) + 1;
            }

            sample = provesSeen.GetValueOrDefault(problem.Id) - 1;
        }

        var variant = problem.ParentId is null ? -1 : Index(problem);
        // How well the model generalizes differs by family: one in 3, 4, 5 variant samples right at once.
        var every = 3 + originals.Keys.Order(StringComparer.Ordinal).ToList().IndexOf(problem.ParentId ?? problem.Id);
        var rightAtOnce = variant < 0 || (variant + sample) % every == 0;
        var rightAfterRepair = rightAtOnce || (variant + sample) % 2 == 0;
        string answer;
        if (prompt.StartsWith("You are a careful mathematician", StringComparison.Ordinal))
        {
            answer = variant >= 0 && (variant + sample) % 3 == 2
                ? "1. The argument for the familiar case should carry over.\n2. I could not complete the proof for this case."
                : $"1. {problem.Title}: this is the well-known argument.\n2. Each case follows from step 1.\nQED";
        }
        else if (prompt.StartsWith("Below is a statement", StringComparison.Ordinal))
        {
            answer = Coq(rightAtOnce ? problem : originals[problem.ParentId ?? problem.Id]) + "\n" + (rightAtOnce ? SmtAnswers.TrueStep + "\n" + SmtAnswers.TrueStep : SmtAnswers.TrueStep + "\n" + FalseStep);
        }
        else
        {
            var repairsCoq = prompt.Contains("Your Coq proof", StringComparison.Ordinal);
            answer = repairsCoq
                ? Coq(rightAfterRepair ? problem : originals[problem.ParentId ?? problem.Id])
                : rightAfterRepair ? SmtAnswers.TrueStep + "\n" + SmtAnswers.TrueStep : SmtAnswers.TrueStep + "\n" + FalseStep;
        }

        return Task.FromResult(new RecordedResponse(answer, null, "stop", "memorizing-model").ToChatResponse());
    }

    private int Index(Problem variant) =>
        problems.Where(p => p.ParentId == variant.ParentId).OrderBy(p => p.Id, StringComparer.Ordinal).ToList().IndexOf(variant) + 1;

    private static string Coq(Problem problem) => "```coq\n" + problem.ReferenceProofs["coq"].TrimEnd('\n') + "\n```";
}
