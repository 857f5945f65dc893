using ProofCheck.Coq.Running;
using ProofCheck.Coq.Syntax;
using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// The audit reads a file exactly as coqc does: its sentence split is compared with the ranges real coqc prints
/// under <c>-time</c>. Honest forms agree; the reading tricks are told apart.
/// </summary>
[Collection("coqc")]
public sealed class ReadingSpecs
{
    private static List<string> Sentences(string source) =>
        SentenceSplitter.Split(source).Sentences.Select(s => source[s.Start..s.EndOfCode]).ToList();

    /// <summary>Runs plain <c>coqc -time</c> on <paramref name="code"/> and returns its standard output.</summary>
    private static async Task<string> CoqcTimed(string code)
    {
        var folder = Directory.CreateTempSubdirectory("proofcheck-coq-reading-").FullName;
        try
        {
            var file = Path.Combine(folder, "Reading.v");
            await File.WriteAllTextAsync(file, code);
            var result = await ProcessRunner.RunAsync(new ProcessCommand("coqc").WithArguments("-q", "-time", file)
                .WithWorkingDirectory(folder).WithTimeout(TimeSpan.FromSeconds(60)));
            Assert.True(result.ExitCode == 0, result.StandardError);
            return result.StandardOutput;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Three_dots_followed_by_a_blank_end_a_sentence_as_in_coqc()
    {
        Assert.Equal(["idtac...", "Add LoadPath \"/tmp\" as Evil."], Sentences("idtac... Add LoadPath \"/tmp\" as Evil."));
    }

    [Fact]
    public void A_goal_selector_before_a_brace_ends_at_the_brace()
    {
        Assert.Equal(["2: {", "exact I.", "}", "all: {", "auto.", "}", "[x]: {", "}", "1,2: exact I."],
            Sentences("2: { exact I. } all: { auto. } [x]: { } 1,2: exact I."));
    }

    public static TheoryData<string> HonestForms =>
    [
        "Goal True /\\ True.\nProof. split.\n- exact I.\n- { exact I. }\nQed.",
        "Goal True /\\ True /\\ True.\nsplit; [|split]. 2: { exact I. } all: exact I.\nQed.",
        "Goal True. refine ?[x]. [x]: { exact I. } Qed.",
        "Goal True. idtac... exact I. Qed.",
        "Fail Definition q : nat := true.\nSucceed Definition q : nat := 1.\nTime Definition r := 2.",
        "Require Import String.\n(* a (* nested *) comment \" *) \" *) Definition s := \"a\"\"b (* \"%string.\nLemma α : True. Proof. exact I. Qed.",
        "Require Import ZArith.\nDefinition n := 1_000%Z.\nCheck Nat.add_comm.\nRecord R := { f : nat }.\nCheck (fun x : R => x.(f)).",
        "Require Import Arith.\nNotation \"x +++ y\" := (x + y) (at level 50).\nCheck (1 +++ 2).",
    ];

    [RequiresToolTheory("coqc")]
    [MemberData(nameof(HonestForms))]
    public async Task On_honest_forms_the_audit_and_coqc_read_the_same_sentences(string code)
    {
        var output = await CoqcTimed(code);
        var sentences = SentenceSplitter.Split(code).Sentences;
        Assert.NotEmpty(SentenceAgreement.CoqcRanges(output));
        Assert.Null(SentenceAgreement.FirstDifference(code, sentences, output));
    }

    [RequiresToolFact("coqc")]
    public async Task A_notation_that_turns_a_comment_into_code_is_seen_as_a_different_split()
    {
        // After these notations coqc reads ".(*" and "*)" as tokens: the "comment" below is three sentences to it.
        const string code = "Notation \"x .(* y\" := (x + y) (at level 50).\nNotation \"x *) y\" := (x + y) (at level 50).\n"
            + "Definition z := 1 .(* 2.\nDefinition hidden := 3.\nDefinition w := 4 *) 5.\n";
        var output = await CoqcTimed(code);
        var difference = SentenceAgreement.FirstDifference(code, SentenceSplitter.Split(code).Sentences, output);
        Assert.NotNull(difference);
        Assert.Contains("line 3", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_lines_printed_by_the_submission_itself_make_a_difference_rather_than_hide_one()
    {
        const string code = "Definition a := 1.\n";
        var sentences = SentenceSplitter.Split(code).Sentences;
        Assert.Null(SentenceAgreement.FirstDifference(code, sentences, "Chars 0 - 18 [Definition~a~:=~1.] 0. secs (0.u,0.s)\n"));
        Assert.NotNull(SentenceAgreement.FirstDifference(code, sentences,
            "Chars 0 - 18 [Definition~a~:=~1.] 0. secs (0.u,0.s)\nChars 0 - 18 [forged] 0. secs\n"));
        Assert.NotNull(SentenceAgreement.FirstDifference(code, sentences, string.Empty));
    }
}
