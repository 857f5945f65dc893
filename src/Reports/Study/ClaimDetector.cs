using System.Text.RegularExpressions;

namespace ProofCheck.Reports.Study;

/// <summary>
/// Does a natural-language answer claim to be a complete proof? Both prompts ask the model to end with "QED"; a
/// model also says "∎" or "this completes the proof". An answer that admits a gap ("I could not", "incomplete",
/// "not proved") makes no claim, whatever it ends with.
/// </summary>
public static partial class ClaimDetector
{
    public static bool ClaimsComplete(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = ThinkBlock().Replace(answer, string.Empty);
        if (Admission().IsMatch(text))
        {
            return false;
        }

        // The claim is the answer's ending: a "QED" quoted mid-answer ("I will end with QED") is no claim.
        var tail = text.TrimEnd();
        tail = tail[Math.Max(0, tail.Length - 200)..];
        return Claim().IsMatch(tail);
    }

    [GeneratedRegex(@"(Q\.?\s?E\.?\s?D\.?|∎|□|■|completes the proof|proof is complete|as (was )?(required|desired)|we are done)\W*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Claim();

    [GeneratedRegex(@"\b(I (could|can)( ?no|')t (prove|finish|complete)|(proof|argument) is (incomplete|not complete)|not (yet )?proved|(remains|is left) unproved|unable to (prove|complete))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Admission();

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline)]
    private static partial Regex ThinkBlock();
}
