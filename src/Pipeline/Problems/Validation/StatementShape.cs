using System.Text.RegularExpressions;

namespace ProofCheck.Pipeline.Problems.Validation;

/// <summary>
/// The checks that need no external tool: each statement file has the shape the pipeline relies on (one main
/// theorem with the manifest's name, left open with <c>sorry</c> / <c>Admitted</c>, nothing else assumed).
/// Each returns null when the shape is right, or what is wrong.
/// </summary>
internal static partial class StatementShape
{
    public static string? CheckMarkdown(string text)
    {
        if (Leftover().IsMatch(text))
        {
            return "contains an unfilled {{placeholder}}";
        }

        // Display math ($$) counts twice, so an odd number of unescaped dollars is an unclosed formula.
        var dollars = Regex.Count(text, @"(?<!\\)\$");
        return dollars % 2 == 0 ? null : "has an odd number of $ signs: a formula is not closed";
    }

    public static string? CheckLean(string text, string? mainTheorem)
    {
        var code = SourceText.WithoutLeanComments(text);
        if (!code.TrimStart().StartsWith("import ", StringComparison.Ordinal))
        {
            return "must begin with its imports (import Mathlib)";
        }

        if (mainTheorem is null)
        {
            return "the manifest names no main theorem";
        }

        var declaration = Regex.Match(code, @"\b(theorem|lemma)\s+" + Regex.Escape(mainTheorem) + @"(?=[\s:({\[⦃])");
        if (!declaration.Success)
        {
            return $"declares no theorem named {mainTheorem}";
        }

        var sorries = Regex.Count(code, @"(?<![\w.])sorry(?![\w.])");
        if (!Regex.IsMatch(code[declaration.Index..], @":=\s*by\s+sorry\s*$"))
        {
            return $"theorem {mainTheorem} must be the last declaration and end with ':= by sorry'";
        }

        if (sorries != 1)
        {
            return $"has {sorries} occurrences of sorry; only the main theorem may be left open";
        }

        return Regex.IsMatch(code, @"(?<![\w.])(axiom|opaque)\s") ? "must not declare an axiom" : null;
    }

    public static string? CheckCoq(string text, string? mainTheorem)
    {
        if (Leftover().IsMatch(text))
        {
            return "contains an unfilled {{placeholder}}";
        }

        if (mainTheorem is null)
        {
            return "the manifest names no main theorem";
        }

        var code = SourceText.WithoutCoqComments(text);
        var declaration = Regex.Match(code, @"\b(Theorem|Lemma|Proposition|Corollary|Fact)\s+" + Regex.Escape(mainTheorem) + @"(?=[\s:(])");
        if (!declaration.Success)
        {
            return $"declares no theorem named {mainTheorem}";
        }

        if (!Regex.IsMatch(code[declaration.Index..], @"\.\s+Admitted\.\s*$"))
        {
            return $"theorem {mainTheorem} must be the last declaration and end with 'Admitted.'";
        }

        var admitted = Regex.Count(code, @"\b(Admitted|admit)\b");
        if (admitted != 1)
        {
            return $"has {admitted} occurrences of Admitted/admit; only the main theorem may be left open";
        }

        return Regex.IsMatch(code, @"\b(Axiom|Axioms|Parameter|Parameters|Conjecture|Hypothesis|Variable)\s")
            ? "must not assume anything (Axiom, Parameter, Hypothesis, Variable)"
            : null;
    }

    [GeneratedRegex(@"\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}")]
    private static partial Regex Leftover();
}
