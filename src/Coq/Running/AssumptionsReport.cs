using System.Text.RegularExpressions;

namespace ProofCheck.Coq.Running;

/// <summary>
/// What <c>Print Assumptions</c> said about the main theorem: closed, or the axioms it rests on, or something
/// worse (a fixpoint assumed guarded, a type assumed positive) that no problem may allow.
/// </summary>
internal sealed partial record AssumptionsReport(bool Closed, IReadOnlyList<string> Axioms, IReadOnlyList<string> Unsafe)
{
    [GeneratedRegex(@"^(?<name>[\p{L}_][\p{L}\p{Nd}_'.]*)\s:(\s|$)")]
    private static partial Regex AxiomLine();

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_'.]*$")]
    private static partial Regex AxiomName();

    public static AssumptionsReport Parse(string output)
    {
        var text = output.ReplaceLineEndings("\n").Trim();
        if (text == "Closed under the global context")
        {
            return new AssumptionsReport(true, [], []);
        }

        var axioms = new List<string>();
        var unsafeLines = new List<string>();
        var section = string.Empty;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                continue; // the continuation of a long type
            }

            if (line.EndsWith(':') && !line.Contains(' ', StringComparison.Ordinal))
            {
                section = line; // "Axioms:"
                continue;
            }

            if (section == "Axioms:" && AxiomLine().Match(line) is { Success: true } m)
            {
                axioms.Add(m.Groups["name"].Value);
            }
            else if (section == "Axioms:" && AxiomName().IsMatch(line) && i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith(": ", StringComparison.Ordinal)
                && char.IsWhiteSpace(lines[i + 1][0]))
            {
                // A long name wraps: "ClassicalDedekindReals.sig_forall_dec" then "  : forall …" on the next line.
                axioms.Add(line);
            }
            else
            {
                unsafeLines.Add(line.Trim());
            }
        }

        if (axioms.Count == 0 && unsafeLines.Count == 0)
        {
            unsafeLines.Add(text.Length == 0 ? "Print Assumptions printed nothing" : text);
        }

        return new AssumptionsReport(false, axioms, unsafeLines);
    }

    /// <summary>
    /// An axiom is allowed when the problem names it, fully or by a trailing part of its qualified name
    /// (<c>classic</c> allows <c>Coq.Logic.Classical_Prop.classic</c>, and the other way round).
    /// </summary>
    public static bool IsAllowed(string axiom, IEnumerable<string> allowed) =>
        allowed.Any(a => a == axiom || axiom.EndsWith("." + a, StringComparison.Ordinal) || a.EndsWith("." + axiom, StringComparison.Ordinal));

    /// <summary>
    /// Whether an axiom <c>Print Assumptions</c> names belongs to <paramref name="library"/> (qualified, e.g.
    /// <c>PCSubmission….Candidate</c>). The clean context requires the library without importing it, so coqc names
    /// its axioms from the library's own name on (<c>Candidate.M.classic</c>) or fully qualified. A submission can
    /// declare an axiom past the audit (a Module Type's <c>Parameter</c>, made an axiom of a module by
    /// <c>Include</c>) and give it any name, an allowed one included, so an axiom it declares is never allowed.
    /// </summary>
    public static bool DeclaredIn(string axiom, string library) =>
        axiom.StartsWith(library + ".", StringComparison.Ordinal)
        || axiom.StartsWith(library[(library.LastIndexOf('.') + 1)..] + ".", StringComparison.Ordinal);
}
