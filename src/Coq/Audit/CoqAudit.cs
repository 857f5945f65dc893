using System.Globalization;
using System.Text;
using ProofCheck.Coq.Syntax;
using ProofCheck.Coq.Syntax.Generated;
using ProofCheck.Core;

namespace ProofCheck.Coq.Audit;

/// <summary>
/// The fast audit that runs before coqc: every sentence of the submission is scanned for constructs that
/// escape checking or run code. Comments and strings are never scanned (the splitter drops them).
/// </summary>
internal static class CoqAudit
{
    // Abort is not here: it drops an attempt and adds nothing, and whatever is proved after it is checked as usual.
    private static readonly HashSet<string> AdmitWords = new(StringComparer.Ordinal) { "Admitted", "admit", "give_up", "Admit" };

    private static readonly HashSet<string> AlwaysAxioms = new(StringComparer.Ordinal)
    {
        "Axiom", "Axioms", "Parameter", "Parameters", "Conjecture", "Conjectures",
    };

    private static readonly HashSet<string> SectionLocals = new(StringComparer.Ordinal)
    {
        "Variable", "Variables", "Hypothesis", "Hypotheses", "Context",
    };

    private static readonly HashSet<string> StateCommands = new(StringComparer.Ordinal)
    {
        "Drop", "Quit", "Back", "BackTo", "Reset", "Restore", "Write",
    };

    public static IReadOnlyList<AuditFinding> Run(IReadOnlyList<CoqSentence> sentences, LibraryAllowlist libraries, int lineOffset = 0)
    {
        var findings = new List<AuditFinding>();
        var scopes = new ScopeTracker();
        foreach (var sentence in sentences)
        {
            void Find(AuditRule rule, string construct, CoqToken? at = null) =>
                findings.Add(new AuditFinding(rule.Name, construct, Span(at ?? sentence.Tokens[0], lineOffset), rule.Reason));

            foreach (var token in sentence.Tokens)
            {
                if (token.IsIdentifier && token.NameParts.FirstOrDefault(AdmitWords.Contains) is { } word)
                {
                    Find(AuditRules.Admitted, word, token);
                }

                if (token.IsIdentifier && token.NameParts.Contains("bypass_check"))
                {
                    Find(AuditRules.KernelBypass, "bypass_check", token);
                }

                if (token.Type != CoqLexer.STRING && SuspiciousCharacter(token.Text) is { } bad)
                {
                    Find(AuditRules.Characters, $"{bad} in '{token.Text}'", token);
                }
            }

            if (sentence.IsFocusMarker)
            {
                continue;
            }

            var words = SentenceHead.Words(sentence, 3);
            var head = words.Count > 0 ? words[0] : string.Empty;
            var text = string.Join(' ', words);

            if ((AlwaysAxioms.Contains(head) && !scopes.InModuleType) || text.StartsWith("Declare Instance", StringComparison.Ordinal) || text.StartsWith("Declare Module", StringComparison.Ordinal))
            {
                Find(AuditRules.Assumption, text);
            }
            else if (SectionLocals.Contains(head) && !scopes.InSection)
            {
                Find(AuditRules.Assumption, head + " outside a Section");
            }

            if (head is "Primitive" or "Register"
                || ((head is "Unset" or "Set") && words.Count > 1 && words[1] is "Guard" or "Positivity" or "Universe" && words.Count > 2 && words[2] == "Checking"))
            {
                Find(AuditRules.KernelBypass, text);
            }

            if (text.StartsWith("Declare ML Module", StringComparison.Ordinal) || head is "Load" or "Cd"
                || text.StartsWith("Add LoadPath", StringComparison.Ordinal) || text.StartsWith("Add Rec LoadPath", StringComparison.Ordinal)
                || text.StartsWith("Add ML Path", StringComparison.Ordinal) || text.StartsWith("Remove LoadPath", StringComparison.Ordinal))
            {
                Find(AuditRules.LoadsCode, text);
            }

            if (head.StartsWith("Extract", StringComparison.Ordinal) || (head is "Recursive" or "Separate" && words.Count > 1 && words[1] == "Extraction"))
            {
                Find(AuditRules.Extraction, text);
            }

            if (StateCommands.Contains(head) || SentenceHead.PrefixWords(sentence).Contains("Redirect"))
            {
                Find(AuditRules.OutputAndState, StateCommands.Contains(head) ? text : "Redirect");
            }

            if ((words.Contains("Notation") || words.Contains("Infix")) && sentence.Tokens.FirstOrDefault(IsDelimiterSymbol) is { } symbol)
            {
                Find(AuditRules.Reading, $"notation symbol {symbol.Text} contains a comment or string delimiter", symbol);
            }

            if (SentenceHead.IsRolledBack(sentence) && SentenceHead.Words(sentence, 1) is [var scoped and ("Section" or "Module" or "End")])
            {
                Find(AuditRules.Reading, $"Fail/Succeed around {scoped}: coqc rolls it back, so it opens or closes nothing");
            }

            foreach (var (library, token) in RequiredLibraries(sentence))
            {
                if (!libraries.Allows(library))
                {
                    Find(AuditRules.Require, "Require " + library, token);
                }
            }

            scopes.Observe(sentence);
        }

        return findings;
    }

    /// <summary>
    /// The libraries a sentence requires: <c>Require Import A B.</c> gives A and B, <c>From P Require Q.</c> gives
    /// P.Q. Anything the audit cannot read as a plain list of names is returned whole, so it is refused.
    /// </summary>
    internal static IEnumerable<(string Library, CoqToken At)> RequiredLibraries(CoqSentence sentence)
    {
        var tokens = SentenceHead.CommandTokens(sentence);
        var requireAt = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Is("Require"))
            {
                requireAt = i;
                break;
            }
        }

        if (requireAt < 0)
        {
            yield break;
        }

        string? from = null;
        if (requireAt == 2 && tokens[0].Is("From") && tokens[1].IsIdentifier)
        {
            from = tokens[1].Text;
        }
        else if (requireAt != 0)
        {
            yield return (string.Join(' ', tokens.Select(t => t.Text)), tokens[0]);
            yield break;
        }

        var i2 = requireAt + 1;
        if (i2 < tokens.Count && (tokens[i2].Is("Import") || tokens[i2].Is("Export")))
        {
            i2++;
        }

        if (i2 >= tokens.Count)
        {
            yield return ("(nothing)", tokens[requireAt]);
        }

        for (; i2 < tokens.Count; i2++)
        {
            var t = tokens[i2];
            yield return t.IsIdentifier
                ? (from is null ? t.Text : from + "." + t.Text, t)
                : (t.Text, t);
        }
    }

    /// <summary>
    /// A notation string whose symbol holds <c>(*</c>, <c>*)</c> or a quote: once declared, coqc reads it as one
    /// token, so text the audit takes for a comment or a string becomes code.
    /// </summary>
    private static bool IsDelimiterSymbol(CoqToken token) =>
        token.Type == CoqLexer.STRING && token.Text.Length >= 2
        && token.Text[1..^1] is var inner && (inner.Contains("(*", StringComparison.Ordinal) || inner.Contains("*)", StringComparison.Ordinal) || inner.Contains('"'));

    private static SourceSpan Span(CoqToken token, int lineOffset) =>
        new(token.Line + lineOffset, token.Column + 1, token.Line + lineOffset, token.Column + 1 + token.Text.Length);

    /// <summary>
    /// Mathematical notation is common in Coq (the standard library itself writes <c>x²</c>), so only characters
    /// that make code read differently from what coqc runs are refused, with the reason: invisible or format
    /// characters (zero-width, direction overrides), spaces other than the ASCII space, controls, combining marks,
    /// and letters of scripts and forms that copy Latin letters (Cyrillic <c>е</c>, fullwidth <c>Ａ</c>,
    /// mathematical alphanumerics <c>𝐀</c>).
    /// </summary>
    private static string? SuspiciousCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v < 0x80)
            {
                if (v < 0x20 && v is not ('\t' or '\n' or '\r') || v == 0x7F)
                {
                    return $"U+{v:X4} (a control character)";
                }

                continue;
            }

            var why = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Format => "an invisible format character",
                UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a space that is not the ASCII space",
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark => "a combining mark",
                UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => "a private or unassigned character",
                _ => v switch
                {
                    >= 0x0400 and <= 0x052F or >= 0x1C80 and <= 0x1C8F or >= 0x2DE0 and <= 0x2DFF or >= 0xA640 and <= 0xA69F => "a Cyrillic letter that looks like a Latin one",
                    >= 0x0530 and <= 0x058F => "an Armenian letter that looks like a Latin one",
                    >= 0x13A0 and <= 0x13FF or >= 0xAB70 and <= 0xABBF => "a Cherokee letter that looks like a Latin one",
                    >= 0xFF00 and <= 0xFFEF => "a fullwidth form of an ASCII character",
                    >= 0x1D400 and <= 0x1D7FF => "a mathematical letter that looks like a plain one",
                    _ => null,
                },
            };
            if (why is not null)
            {
                return $"U+{v:X4} '{rune}' ({why})";
            }
        }

        return null;
    }
}
