using System.Text.RegularExpressions;

namespace ProofCheck.LeanBridge.Messages;

/// <summary>
/// What <c>#print axioms</c> said: <c>'X' does not depend on any axioms</c> or <c>'X' depends on axioms: [a, b]</c>.
/// Older Lean printed the axioms unsorted and newer sorts them by name, so they are a set here.
/// </summary>
public sealed partial record AxiomReport(string Constant, IReadOnlySet<string> Axioms)
{
    /// <summary>The axioms every Lean proof may use: propositional extensionality, choice, quotient soundness.</summary>
    public static IReadOnlyList<string> StandardAxioms { get; } = ["propext", "Classical.choice", "Quot.sound"];

    [GeneratedRegex(@"^\s*['`‘]?(?<name>.+?)['`’]?\s+(?:(?<none>does not depend on any axioms)|depends on axioms\s*:\s*\[(?<list>[^\]]*)\])\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Line();

    /// <summary>Parses one message text; null when it is not an axioms report.</summary>
    public static AxiomReport? TryParse(string text)
    {
        var m = Line().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var axioms = m.Groups["none"].Success
            ? new HashSet<string>(StringComparer.Ordinal)
            : m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.Replace("«", string.Empty, StringComparison.Ordinal).Replace("»", string.Empty, StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
        return new AxiomReport(m.Groups["name"].Value.Replace("«", string.Empty, StringComparison.Ordinal).Replace("»", string.Empty, StringComparison.Ordinal), axioms);
    }

    /// <summary>The axioms outside <paramref name="allowed"/> (sorryAx, native_decide's, a submission's own), sorted.</summary>
    public IReadOnlyList<string> Disallowed(IEnumerable<string> allowed)
    {
        var ok = allowed.ToHashSet(StringComparer.Ordinal);
        return [.. Axioms.Where(a => !ok.Contains(a)).Order(StringComparer.Ordinal)];
    }
}
