using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Pipeline.Loop;

/// <summary>Which targets a problem can be checked against, and the check request each target's checker gets.</summary>
internal static class TargetRules
{
    public static bool Applies(Problem problem, string target) => target switch
    {
        "lean" => problem.LeanStatement is not null,
        "coq" => problem.CoqStatement is not null,
        _ => true,
    };

    public static string LanguageName(string target) => target switch
    {
        "lean" => "Lean 4",
        "coq" => "Coq",
        _ => "SMT-LIB 2",
    };

    public static CheckRequest Request(Problem problem, string target, string submission, int? timeoutSeconds, bool sandboxed) =>
        new(submission)
        {
            CanonicalStatement = target switch
            {
                "lean" => problem.LeanStatement,
                "coq" => problem.CoqStatement,
                _ => null,
            },
            AllowedAxioms = problem.AllowedAxioms.GetValueOrDefault(target),
            AllowedImports = problem.AllowedImports.GetValueOrDefault(target),
            Timeout = timeoutSeconds is null ? null : TimeSpan.FromSeconds(timeoutSeconds.Value),
            Sandboxed = sandboxed,
        };
}
