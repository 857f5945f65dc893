using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Submission;

/// <summary>
/// The file coqc compiles for a submission: the canonical preamble's context commands (Require, Import, Open
/// Scope, Set…), then <c>Require Import</c> of the compiled canonical library, then the submission. Every type
/// and definition the proof uses is therefore the canonical one (an <c>Inductive</c> copied into the proof would
/// be a different type to Coq). A token-identical copy of the preamble at the start of the submission is blanked
/// out (lines kept), so a proof may restate the preamble or leave it out. <see cref="LineOffset"/> maps a line of
/// <see cref="Text"/> to a line of the answer.
/// </summary>
internal sealed record CandidateFile(string Text, IReadOnlyList<CoqSentence> Sentences, int LineOffset, int PreambleCopySentences)
{
    private static readonly HashSet<string> ContextCommands = new(StringComparer.Ordinal)
    {
        "Require", "From", "Import", "Export", "Open", "Set", "Unset",
    };

    /// <summary>The submission's own sentences: those after a restated preamble, which are the ones audited.</summary>
    public static IReadOnlyList<CoqSentence> Own(IReadOnlyList<CoqSentence> submission, int preambleCopy) =>
        submission.Skip(preambleCopy).ToList();

    /// <summary>How many leading sentences of <paramref name="submission"/> restate the preamble token for token (0 if they do not all).</summary>
    public static int PreambleCopyLength(IReadOnlyList<CoqSentence> submission, IReadOnlyList<CoqSentence> preamble)
    {
        if (preamble.Count == 0 || submission.Count < preamble.Count)
        {
            return 0;
        }

        for (var i = 0; i < preamble.Count; i++)
        {
            if (!submission[i].Tokens.Select(t => t.Text.Trim()).SequenceEqual(preamble[i].Tokens.Select(t => t.Text.Trim()), StringComparer.Ordinal))
            {
                return 0;
            }
        }

        return preamble.Count;
    }

    public static CandidateFile Build(CoqSource source, IReadOnlyList<CoqSentence> submission, string preamble, string canonicalLibrary)
    {
        var preambleSentences = SentenceSplitter.Split(preamble).Sentences;
        var copy = PreambleCopyLength(submission, preambleSentences);
        var header = string.Concat(TopLevel(preambleSentences).Where(IsContextCommand).Select(s => preamble[s.Start..s.EndOfCode] + "\n"))
            + $"Require Import {canonicalLibrary}.\n";
        var code = source.Code;
        if (copy > 0)
        {
            // Blank the copy, keeping its line breaks, so the rest keeps its lines and columns.
            var end = submission[copy - 1].EndOfCode;
            code = string.Concat(code[..end].Select(c => c is '\n' or '\r' ? c : ' ')) + code[end..];
        }

        var text = header + code;
        var headerLines = header.Count(c => c == '\n');
        return new CandidateFile(text, SentenceSplitter.Split(text).Sentences, source.LineOffset - headerLines, copy);
    }

    /// <summary>
    /// The sentences outside every Section and Module: a scope opened or a module imported inside one ends with its
    /// <c>End</c>, so repeating it at the top of the candidate would change how the submission reads (a preamble's
    /// <c>Local Open Scope Z_scope</c> inside a Section made <c>a * b</c> over the reals read as integers).
    /// </summary>
    private static IEnumerable<CoqSentence> TopLevel(IReadOnlyList<CoqSentence> sentences)
    {
        var scopes = new Audit.ScopeTracker();
        foreach (var sentence in sentences)
        {
            var topLevel = scopes.AtTopLevel;
            scopes.Observe(sentence);
            if (topLevel && scopes.AtTopLevel)
            {
                yield return sentence;
            }
        }
    }

    private static bool IsContextCommand(CoqSentence sentence)
    {
        var first = SentenceHead.CommandTokens(sentence).FirstOrDefault();
        return !sentence.IsFocusMarker
            && ((first is not null && ContextCommands.Contains(first.Text)) || sentence.Body.FirstOrDefault()?.Text == "Export");
    }
}
