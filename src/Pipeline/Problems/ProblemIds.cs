using System.Text.RegularExpressions;

namespace ProofCheck.Pipeline.Problems;

/// <summary>The rules for problem ids, and "did you mean" suggestions for ids that do not exist.</summary>
internal static partial class ProblemIds
{
    /// <summary>Lower-case words joined by hyphens: safe as a folder name, in a URL and on a command line.</summary>
    public static bool IsValidSegment(string id) => Segment().IsMatch(id);

    public static string VariantId(string parentId, string setId) => $"{parentId}/{setId}";

    /// <summary>The known ids closest to <paramref name="wanted"/> (by edit distance, or sharing a prefix), best first.</summary>
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> known, int max = 5)
    {
        var w = wanted.ToLowerInvariant();
        return known
            .Select(k => (Id: k, Distance: Distance(w, k)))
            .Where(c => c.Distance <= Math.Max(2, w.Length / 3) || c.Id.StartsWith(w, StringComparison.Ordinal) || (w.Length >= 4 && c.Id.Contains(w, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Id)
            .ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Segment();
}
