using ProofCheck.Coq;
using ProofCheck.Core;
using ProofCheck.LeanBridge;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Smt;

namespace ProofCheck.Pipeline.Targets;

/// <summary>
/// The targets this build checks, and the one place a problem becomes a <see cref="CheckRequest"/> for any of them.
/// A new checker adds its descriptor to <see cref="All"/> (and, if it proves a canonical statement, the problem's
/// statement to <see cref="StatementOf"/>); nothing else in the product switches on target names.
/// </summary>
public static class CheckTargets
{
    public static TargetDescriptor Lean => LeanTarget.Descriptor;

    public static TargetDescriptor Coq => CoqTarget.Descriptor;

    public static TargetDescriptor Smt => SmtTarget.Descriptor;

    /// <summary>Every target, in the order runs and reports list them.</summary>
    public static IReadOnlyList<TargetDescriptor> All { get; } = [Coq, Lean, Smt];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(t => t.Name)];

    /// <summary>The targets proved against a problem's canonical statement (Lean, Coq).</summary>
    public static IReadOnlyList<TargetDescriptor> WithStatements { get; } = [.. All.Where(t => t.NeedsStatement)];

    public static TargetDescriptor? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The target called <paramref name="name"/>; a usage error naming the known ones otherwise.</summary>
    public static TargetDescriptor Get(string name) =>
        Find(name) ?? throw new UserInputException($"Unknown target '{name}'. Known targets: {string.Join(", ", Names)}.");

    /// <summary>The target whose code a Markdown fence with this info string holds, if any (case-insensitive).</summary>
    public static TargetDescriptor? OfFence(string language) =>
        All.FirstOrDefault(t => t.FenceLanguages.Contains(language, StringComparer.OrdinalIgnoreCase));

    /// <summary>The problem's canonical statement for <paramref name="target"/>; null when it has none or the target needs none.</summary>
    public static string? StatementOf(Problem problem, TargetDescriptor target) => target.StatementFile switch
    {
        ProblemFiles.LeanStatement => problem.LeanStatement,
        ProblemFiles.CoqStatement => problem.CoqStatement,
        _ => null,
    };

    /// <summary>Whether <paramref name="problem"/> can be checked against <paramref name="target"/> (an unknown target cannot).</summary>
    public static bool Applies(Problem problem, string target) =>
        Find(target) is { } t && (!t.NeedsStatement || StatementOf(problem, t) is not null);

    /// <summary>
    /// The request <paramref name="target"/>'s checker gets for an answer to <paramref name="problem"/>: its canonical
    /// statement, the axioms and imports it allows. A usage error when the target needs a statement the problem lacks.
    /// </summary>
    public static CheckRequest Request(Problem problem, TargetDescriptor target, string submission, TimeSpan? timeout = null, bool sandboxed = true)
    {
        var statement = StatementOf(problem, target);
        if (target.NeedsStatement && statement is null)
        {
            throw new UserInputException($"Problem '{problem.Id}' has no {target.LanguageName} statement ({target.StatementFile}).");
        }

        return new CheckRequest(submission)
        {
            CanonicalStatement = statement,
            AllowedAxioms = problem.AllowedAxioms.GetValueOrDefault(target.Name),
            AllowedImports = problem.AllowedImports.GetValueOrDefault(target.Name),
            Timeout = timeout,
            Sandboxed = sandboxed,
        };
    }
}
