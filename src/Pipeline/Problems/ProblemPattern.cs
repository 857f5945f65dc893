using System.Text.RegularExpressions;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Problems;

/// <summary>Turns one selection pattern (id, glob, <c>tag:X</c>, <c>kind:X</c>) into a predicate.</summary>
internal static class ProblemPattern
{
    public static Func<Problem, bool> Parse(string pattern)
    {
        if (pattern.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            var tag = pattern[4..];
            return p => p.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
        }

        if (pattern.StartsWith("kind:", StringComparison.OrdinalIgnoreCase))
        {
            var text = pattern[5..];
            if (!Enum.TryParse<ProvenanceKind>(text, ignoreCase: true, out var kind) || text.Any(char.IsDigit))
            {
                throw new UserInputException($"'{pattern}': kind must be one of textbook, competition, folklore, novel.");
            }

            return p => p.Provenance.Kind == kind;
        }

        if (pattern.Contains('*', StringComparison.Ordinal))
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return p => regex.IsMatch(p.Id);
        }

        return p => string.Equals(p.Id, pattern, StringComparison.Ordinal);
    }
}
