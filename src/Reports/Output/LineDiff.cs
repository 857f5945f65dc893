namespace ProofCheck.Reports.Output;

/// <summary>
/// What changed between two rounds' code, as removed (-) and added (+) lines (a longest-common-subsequence diff).
/// The one diff of the product: <c>proofcheck show</c> and the HTML report both show repairs with it.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<string> Changes(string before, string after)
    {
        var a = before.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var b = after.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var changes = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // A replaced line reads as the old one, then the new one, as in every diff people know.
                changes.Add("- " + a[x++]);
            }
            else
            {
                changes.Add("+ " + b[y++]);
            }
        }

        return changes;
    }
}
