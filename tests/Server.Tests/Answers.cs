using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary>Model answers as a policy under training writes them: reasoning, a proof, and fenced code per target.</summary>
internal static class Answers
{
    public static string HonestCoq => File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "gauss-sum.coq.md"));

    public static string AxiomCheatCoq => File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "gauss-sum.cheat.coq.md"));

    public static string BrokenCoq => Fenced("coq", File.ReadAllText(Path.Combine(RepoPaths.Problems, "gauss-sum", "broken.v")));

    /// <summary>Proves a weaker theorem under the main theorem's name (the conclusion is only claimed for n = 0).</summary>
    public static string WeakerStatementCoq => "The claim follows at once.\n\n" + Fenced("coq", SumTo + """
        Theorem gauss_sum : forall n : nat, n = 0 -> 2 * sum_to n = n * (n + 1).
        Proof. intros n H. subst. reflexivity. Qed.
        """);

    /// <summary>A Coq proof whose helper tactic runs for hours: for the time limit and the client going away.</summary>
    public static string EndlessCoq => Fenced("coq", SumTo + """
        Ltac spin n := lazymatch n with O => idtac | S ?m => spin m; spin m end.

        Theorem gauss_sum : forall n : nat, 2 * sum_to n = n * (n + 1).
        Proof. spin 60. induction n as [|n IH]; [reflexivity | cbn [sum_to]; nia]. Qed.
        """);

    /// <summary>The induction step of Gauss's sum, as one SMT obligation: true, so Verified.</summary>
    public const string StepInduction = """
        (declare-const n Int)
        (declare-const s Int)
        (assert (>= n 0))
        (assert (= (* 2 s) (* n (+ n 1))))
        (assert (not (= (* 2 (+ s (+ n 1))) (* (+ n 1) (+ n 2)))))
        (check-sat)
        """;

    /// <summary>The base case: true.</summary>
    public const string StepBase = """
        (declare-const s Int)
        (assert (= s 0))
        (assert (not (= (* 2 s) (* 0 (+ 0 1)))))
        (check-sat)
        """;

    /// <summary>A false step (a + b > a for all integers): Refuted with a counterexample.</summary>
    public const string StepFalse = """
        (declare-const a Int)
        (declare-const b Int)
        (assert (not (> (+ a b) a)))
        (check-sat)
        """;

    /// <summary>A vacuous step: its hypotheses contradict each other, so it "proves" anything. Rejected.</summary>
    public const string StepVacuous = """
        (declare-const x Int)
        (assert (> x 5))
        (assert (< x 3))
        (assert (not (= x 4)))
        (check-sat)
        """;

    /// <summary>The definitions of gauss-sum's statement, as a proof file starts.</summary>
    private const string SumTo = """
        Require Import Arith Lia.

        Fixpoint sum_to (n : nat) : nat :=
          match n with
          | O => 0
          | S k => sum_to k + S k
          end.


        """;

    public static string Fenced(string language, string code) => $"```{language}\n{code.TrimEnd('\n')}\n```\n";

    public static string Steps(params string[] steps) =>
        "Each step of the proof, as an SMT obligation.\n\n" + string.Concat(steps.Select((s, i) => $"Step {i + 1}.\n\n{Fenced("smt2", s)}\n"));

    /// <summary>A whole honest answer for gauss-sum: reasoning, the proof, Coq and every SMT step.</summary>
    public static string FullSolution => $"""
        <think>Induction on n; the step adds n + 1 to both sides.</think>

        ## Proof

        By induction on n. For n = 0 both sides are 0. If 2·S(n) = n(n+1), then
        2·S(n+1) = 2·S(n) + 2(n+1) = n(n+1) + 2(n+1) = (n+1)(n+2).

        {HonestCoq}

        {Steps(StepBase, StepInduction)}
        """;
}
