using System.Text;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Fidelity;

/// <summary>
/// Gate (b), the authoritative one, done the way the Lean developers' comparator does it: the canonical statement is
/// compiled on its own as module <c>Canonical</c> (as <c>def canonicalStatement : Prop := …</c>), the candidate as its
/// own module <c>Candidate</c>, and a third module imports both, states the candidate's theorem against the canonical
/// proposition and prints its axioms. A helper instance, a shadowing definition or an <c>open</c> in the candidate
/// changes what its theorem means, and then the third module does not elaborate.
/// </summary>
public sealed record CleanContextModules(string Canonical, string Candidate, string Check, int CandidateLineOffset)
{
    /// <summary>The constant whose <c>#print axioms</c> report decides: <see cref="CheckedName"/>, or the theorem itself for a user's own statement.</summary>
    public string AxiomsConstant { get; init; } = CheckedName;

    public const string CanonicalModule = "Canonical";
    public const string CandidateModule = "Candidate";
    public const string CheckModule = "Check";

    /// <summary>The name the check module gives the candidate's main theorem.</summary>
    public const string CheckedName = "Candidate.main";

    /// <summary>The 1-based line of the check module that states the comparison (errors there mean "different statement").</summary>
    public const int ComparisonLine = 3;

    /// <summary>The 1-based line of the check module's <c>#print axioms</c>.</summary>
    public const int AxiomsLine = 4;

    /// <summary>
    /// Builds the three modules. <paramref name="canonicalSource"/> may be null for a user's own statement: the check
    /// module then only prints the axioms of <paramref name="candidateMainName"/>.
    /// </summary>
    public static CleanContextModules Build(string? canonicalSource, string candidateCode, string candidateMainName)
    {
        var candidate = LeanSyntax.Parse(candidateCode);
        var prepend = string.Empty;
        if (candidate.Imports.Count == 0 && canonicalSource is not null)
        {
            // The model often omits the imports; it gets exactly the canonical ones.
            prepend = string.Concat(LeanSyntax.Parse(canonicalSource).Imports.Select(i => $"import {i.Module}\n"));
        }

        var candidateModule = prepend + candidateCode.TrimEnd() + "\n";
        var offset = prepend.Count(c => c == '\n');

        if (canonicalSource is null)
        {
            // A user's own statement: nothing to compare with, only the axioms of the theorem itself.
            var axiomsOnly = $"import {CandidateModule}\n\n-- no canonical statement: axioms only\n#print axioms {candidateMainName}\n";
            return new CleanContextModules(string.Empty, candidateModule, axiomsOnly, offset) { AxiomsConstant = candidateMainName };
        }

        var check = new StringBuilder()
            .Append($"import {CanonicalModule}\n")
            .Append($"import {CandidateModule}\n")
            .Append($"theorem {CheckedName} : {CanonicalModule}.canonicalStatement := @{candidateMainName}\n")
            .Append($"#print axioms {CheckedName}\n");
        return new CleanContextModules(CanonicalText(canonicalSource), candidateModule, check.ToString(), offset);
    }

    /// <summary>The canonical file turned into a module defining the statement as a proposition.</summary>
    internal static string CanonicalText(string canonicalSource)
    {
        var file = LeanSyntax.Parse(canonicalSource);
        var main = file.LastTheorem ?? throw new FormatException("The canonical statement has no theorem.");
        var lines = canonicalSource.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerLines = file.Imports.Count == 0 ? 0 : file.Imports[^1].Line;
        var mainLine = main.Tokens[0].Line;
        var docLine = file.AllTokens.Where(t => t.Index < main.Tokens[0].Index && !t.IsTrivia).Select(t => t.Line).DefaultIfEmpty(headerLines).Max();
        var preambleEnd = Math.Max(headerLines, Math.Min(mainLine - 1, docLine));
        var text = new StringBuilder();
        foreach (var line in lines.Take(headerLines))
        {
            text.Append(line).Append('\n');
        }

        text.Append($"namespace {CanonicalModule}\n");
        foreach (var line in lines.Skip(headerLines).Take(Math.Max(0, preambleEnd - headerLines)))
        {
            text.Append(line).Append('\n');
        }

        var binders = main.Binders.Count == 0 ? string.Empty : LeanSyntax.Source(file, main.Binders[0][0], main.Binders[^1][^1]);
        var type = main.Type.Count == 0 ? "True" : LeanSyntax.Source(file, main.Type[0], main.Type[^1]);
        text.Append("def canonicalStatement : Prop :=\n  ")
            .Append(binders.Length == 0 ? type : $"∀ {binders}, {type}")
            .Append('\n');
        text.Append($"end {CanonicalModule}\n");
        return text.ToString();
    }
}
