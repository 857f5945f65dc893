using FsCheck.Xunit;
using ProofCheck.Coq.Audit;
using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// Properties of the reading the audit relies on, over generated files: it never throws, every span lies in the
/// file, and what the audit finds does not change when whitespace or comments are added between sentences.
/// </summary>
public sealed class SplitterProperties
{
    private static readonly LibraryAllowlist Libraries = new(["Coq.Arith.Arith"], []);

    /// <summary>The constructs files are built from: the audit's rules, and the forms that confused readings before.</summary>
    private static readonly string[] Constructs =
    [
        "Axiom a : False.", "Admitted.", "Definition x := 1.", "Proof.", "Qed.", "- exact I.", "{ exact I. }",
        "Section S.", "End S.", "Variable v : nat.", "Succeed Section T.", "Fail End T.", "idtac...",
        "Notation \"x .(* y\" := (x + y) (at level 50).", "Redirect \"f\" Print x.", "Require Import Arith.",
        "Definition s := \"Admitted. (*\".", "2: { exact I. }", "all: auto.", "Unset Guard Checking.", "Lemma α : True.",
        "Fail Axiom b : False.", "Time Cd \"/tmp\".", "#[local] Parameter p : nat.", "Check foo.Admitted.",
    ];

    private static readonly string[] Separators = [" ", "\n", "\n\n  ", " (* a comment *) ", " (* \" *) \" *) ", "\t(* (* nested *) *)\n"];

    [Property(MaxTest = 300)]
    public void Splitting_any_text_never_throws_and_every_sentence_lies_inside_it(string text)
    {
        text ??= string.Empty;
        var split = SentenceSplitter.Split(text);
        foreach (var sentence in split.Sentences)
        {
            Assert.InRange(sentence.Start, 0, text.Length);
            Assert.InRange(sentence.EndOfCode, sentence.Start, text.Length);
            Assert.All(sentence.Tokens, t => Assert.InRange(t.End, t.Start, text.Length));
        }

        _ = CoqAudit.Run(split.Sentences, Libraries);
    }

    [Property(MaxTest = 300)]
    public void Whitespace_and_comments_between_sentences_do_not_change_what_the_audit_finds(int[] picks, int[] separators)
    {
        picks ??= [];
        separators ??= [];
        var chosen = picks.Select(p => Constructs[(int)((uint)p % Constructs.Length)]).ToList();
        var plain = string.Join(' ', chosen) + "\n";
        var spaced = string.Concat(chosen.Select((c, i) =>
            c + Separators[separators.Length == 0 ? 0 : (int)((uint)separators[i % separators.Length] % Separators.Length)]));

        Assert.Equal(Findings(plain), Findings(spaced));
        Assert.Equal(
            SentenceSplitter.Split(plain).Sentences.Select(s => plain[s.Start..s.EndOfCode]),
            SentenceSplitter.Split(spaced).Sentences.Select(s => spaced[s.Start..s.EndOfCode]));
    }

    private static List<string> Findings(string code) =>
        [.. CoqAudit.Run(SentenceSplitter.Split(code).Sentences, Libraries).Select(f => $"{f.Rule}: {f.Construct}").Order(StringComparer.Ordinal)];
}
