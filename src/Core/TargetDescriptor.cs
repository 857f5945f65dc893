namespace ProofCheck.Core;

/// <summary>
/// One check target (SMT-LIB, Coq, Lean): everything the rest of the product needs to know about it, in one value.
/// Each checker project declares its own (<c>SmtTarget</c>, <c>CoqTarget</c>, <c>LeanTarget</c>); the list of
/// targets a build has is <c>ProofCheck.Pipeline.Targets.CheckTargets.All</c>. Adding a checker is one project
/// with one descriptor, and one line in that list.
/// </summary>
/// <param name="Name">The target name on the command line, in prompts and in the run store ("smt", "coq", "lean").</param>
/// <param name="LanguageName">How messages and prompts name the language ("Coq", "Lean 4").</param>
/// <param name="CreateChecker">A checker with its default settings (commands that take checker options build their own).</param>
public sealed record TargetDescriptor(string Name, string LanguageName, Func<IProofChecker> CreateChecker)
{
    /// <summary>Markdown fence info strings that mark this target's code (the first is the one prompts ask for).</summary>
    public required IReadOnlyList<string> FenceLanguages { get; init; }

    /// <summary>The time limit a check gets when the user gives none (what exactly it limits is the checker's: see its README).</summary>
    public required TimeSpan DefaultTimeout { get; init; }

    /// <summary>What to install when the checker is missing.</summary>
    public required string InstallAdvice { get; init; }

    /// <summary>The canonical statement file a problem holds for this target (statement.v), or null when proofs need none.</summary>
    public string? StatementFile { get; init; }

    /// <summary>True when a proof is checked against a problem's canonical statement (so a problem without one does not apply).</summary>
    public bool NeedsStatement => StatementFile is not null;

    public override string ToString() => Name;
}
