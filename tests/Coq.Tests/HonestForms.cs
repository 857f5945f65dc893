namespace ProofCheck.Coq.Tests;

/// <summary>One honest proof in a form people write, with the statement it proves and the axioms the problem allows.</summary>
public sealed record HonestForm(string Name, string Statement, string Proof, IReadOnlyList<string>? Axioms = null);

/// <summary>
/// Proofs written the way public Coq developments write them (each form was once refused): every one compiles
/// with plain coqc and must be Verified.
/// </summary>
internal static class HonestForms
{
    private const string Colors = "Inductive color := Red | Green.\nDefinition flip (c : color) : color := match c with Red => Green | Green => Red end.\n\n";
    private const string FlipStatement = Colors + "Theorem flip_flip : forall c, flip (flip c) = c.\nAdmitted.\n";
    private const string FlipProof = "Theorem flip_flip : forall c, flip (flip c) = c.\nProof. destruct c; reflexivity. Qed.\n";

    // nat_scope is open at top level, Z_scope only inside the Section. With Z_scope still open, the main
    // theorem's 'a + b' over nat would be read as Z addition and fail to type-check (the shape of Coq's own
    // Rfunctions.v, whose last lemma is over the reals after a Section that opens Z_scope).
    private const string SectionScopeStatement =
        "Require Import ZArith.\nLocal Open Scope nat_scope.\nSection Zs.\nLocal Open Scope Z_scope.\nDefinition zero_z := 0.\nEnd Zs.\n"
        + "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nAdmitted.\n";

    public static IReadOnlyList<HonestForm> All { get; } =
    [
        new("implicit binders in the main theorem",
            "Theorem eta_expansion {A B : Type} (f : A -> B) : f = fun x => f x.\nAdmitted.\n",
            "Theorem eta_expansion {A B : Type} (f : A -> B) : f = fun x => f x.\nProof. reflexivity. Qed.\n"),
        new("a Type-valued statement",
            "Theorem pair_lt : {i : nat & {j : nat | i < j}}.\nAdmitted.\n",
            "Theorem pair_lt : {i : nat & {j : nat | i < j}}.\nProof. exists 0. exists 1. auto. Defined.\n"),
        new("a statement with let … in",
            "Require Import Arith.\nTheorem shift : let k := 3 in forall n : nat, n + k = k + n.\nAdmitted.\n",
            "Require Import Arith.\nTheorem shift : let k := 3 in forall n : nat, n + k = k + n.\nProof. intros k n. apply Nat.add_comm. Qed.\n"),
        new("Abort of a first attempt, then the proof",
            "Theorem t : True /\\ True.\nAdmitted.\n",
            "Theorem t : True /\\ True.\nProof. split. Abort.\nTheorem t : True /\\ True.\nProof. split; exact I. Qed.\n"),
        new("the Reals with their axioms allowed, the x² notation and a wrapped Print Assumptions",
            "Require Import Reals.\nOpen Scope R_scope.\nTheorem sq_nonneg : forall x : R, 0 <= x².\nAdmitted.\n",
            "Require Import Reals.\nOpen Scope R_scope.\nTheorem sq_nonneg : forall x : R, 0 <= x².\nProof. intros x. apply Rle_0_sqr. Qed.\n",
            ["sig_forall_dec", "functional_extensionality_dep"]),
        new("an allowed axiom reached through a standard library module included in one's own",
            Statements.ExcludedMiddle,
            "Require Coq.Logic.Classical_Prop.\nModule Mine.\n  Include Coq.Logic.Classical_Prop.\nEnd Mine.\nTheorem em : forall P : Prop, P \\/ ~ P.\nProof. exact Mine.classic. Qed.\n",
            ["classic"]),
        new("an Inductive in the preamble, restated token for token", FlipStatement, Colors + FlipProof),
        new("an Inductive in the preamble, not restated", FlipStatement, FlipProof),
        new("a Module Type with Parameters in the helpers",
            "Theorem t : 1 + 1 = 2.\nAdmitted.\n",
            "Module Type Monoid.\n  Parameter m : Type.\n  Parameter op : m -> m -> m.\nEnd Monoid.\nTheorem t : 1 + 1 = 2.\nProof. reflexivity. Qed.\n"),
        new("goal selectors, braces, bullets and '...'",
            "Theorem t : True /\\ True /\\ True.\nAdmitted.\n",
            "Theorem t : True /\\ True /\\ True.\nProof.\n  split; [|split]. 2: { exact I. }\n  - idtac... exact I.\n  - all: exact I.\nQed.\n"),
        new("a scope opened inside a Section of the preamble, which its End closes",
            SectionScopeStatement,
            SectionScopeStatement.Replace("Admitted.", "Proof. intros a b. apply Nat.add_comm. Qed.", StringComparison.Ordinal)),
        new("a scope opened inside a Section of the preamble, proof without the preamble",
            SectionScopeStatement,
            "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nProof. intros a b. apply Nat.add_comm. Qed.\n"),
        new("Fail, Succeed and Time around commands",
            "Theorem t : 2 = 2.\nAdmitted.\n",
            "Fail Definition bad : nat := true.\nSucceed Definition ok : nat := 1.\nTime Definition two := 2.\nTheorem t : 2 = 2.\nProof. Fail exact (eq_refl 3). reflexivity. Qed.\n"),
    ];
}
