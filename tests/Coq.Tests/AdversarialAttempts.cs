using ProofCheck.Core;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// One attempt to get a false or unproved claim Verified, and how the checker must answer it; against
/// <see cref="Statements.DoubleEven"/> with no axiom allowed unless it names its own statement and allowed axioms.
/// </summary>
public sealed record AdversarialAttempt(string Name, string Proof, Verdict Expected, string? Rule = null, string? Statement = null, IReadOnlyList<string>? Axioms = null)
{
    public CheckRequest Request => new(Proof) { CanonicalStatement = Statement ?? Statements.DoubleEven, AllowedAxioms = Axioms, Timeout = TimeSpan.FromSeconds(60) };
}

/// <summary>
/// Cheats against <see cref="Statements.DoubleEven"/>: each class of the audit, combinations, and the classic
/// tricks that compile (shadowing, notations, hidden axioms). None may be Verified.
/// </summary>
internal static class AdversarialAttempts
{
    private const string Head = "Require Import Arith Lia.\n\nDefinition double (n : nat) : nat := n + n.\n\n";
    private const string Main = "Theorem double_even : forall n : nat, exists k, double n = 2 * k.\n";
    private const string Honest = "Proof.\n  intros n. exists n. unfold double. lia.\nQed.\n";

    public static IReadOnlyList<AdversarialAttempt> All { get; } =
    [
        new("main theorem Admitted", Head + Main + "Proof.\n  intros n.\nAdmitted.\n", Verdict.Rejected, "admitted"),
        new("admit under a bullet", Head + Main + "Proof.\n  intros n. exists n.\n  - admit.\nQed.\n", Verdict.Rejected, "admitted"),
        new("helper lemma Admitted", Head + "Lemma helper : forall n, double n = 2 * n.\nAdmitted.\n" + Main + "Proof. intros n. exists n. apply helper. Qed.\n", Verdict.Rejected, "admitted"),
        new("admit renamed by a tactic notation", Head + "Tactic Notation \"finish\" := admit.\n" + Main + "Proof. intros n. finish. Qed.\n", Verdict.Rejected, "admitted"),
        new("Abort then a weaker theorem", Head + Main + "Proof. Abort.\nTheorem double_even : True.\nProof. exact I. Qed.\n", Verdict.Rejected),
        new("axiom hidden in a helper", Head + "Axiom double_spec : forall n, double n = 2 * n.\nLemma helper : forall n, exists k, double n = 2 * k.\nProof. intros n. exists n. apply double_spec. Qed.\n" + Main + "Proof. exact helper. Qed.\n", Verdict.Rejected, "assumption"),
        new("parameter inside a module", Head + "Module Hidden.\n  #[local] Parameter cheat : forall P : Prop, P.\nEnd Hidden.\n" + Main + "Proof. apply Hidden.cheat. Qed.\n", Verdict.Rejected, "assumption"),
        new("top-level Variable", Head + "Variable cheat : forall P : Prop, P.\n" + Main + "Proof. apply cheat. Qed.\n", Verdict.Rejected, "assumption"),
        new("main theorem under a Section hypothesis", Head + "Section S.\nHypothesis h : False.\n" + Main + "Proof. destruct h. Qed.\nEnd S.\n", Verdict.Rejected, "statement-tokens"),
        new("unguarded fixpoint with guard checking off", Head + "Unset Guard Checking.\nFixpoint loop (n : nat) : False := loop n.\nSet Guard Checking.\n" + Main + "Proof. destruct (loop 0). Qed.\n", Verdict.Rejected, "kernel-bypass"),
        new("unguarded fixpoint by attribute", Head + "#[bypass_check(guard)] Fixpoint loop (n : nat) : False := loop n.\n" + Main + "Proof. destruct (loop 0). Qed.\n", Verdict.Rejected, "kernel-bypass"),
        new("unguarded fixpoint with the checks on", Head + "Fixpoint loop (n : nat) : False := loop n.\n" + Main + "Proof. destruct (loop 0). Qed.\n", Verdict.Failed),
        new("ML plugin", Head + "Declare ML Module \"coq-core.plugins.ltac\".\n" + Main + Honest, Verdict.Rejected, "loads-code"),
        new("Load of another file", Head + "Load \"/etc/hostname\".\n" + Main + Honest, Verdict.Rejected, "loads-code"),
        new("Require outside the allowlist", "From Evil Require Import Cheats.\n" + Head + Main + Honest, Verdict.Rejected, "require"),
        new("Extraction writes a file", Head + Main + Honest + "Extraction \"out.ml\" double.\n", Verdict.Rejected, "extraction"),
        new("Redirect writes a file", Head + "Redirect \"out\" Print double.\n" + Main + Honest, Verdict.Rejected, "output-and-state"),
        new("weaker statement under the same name", Head + "Theorem double_even : forall n : nat, exists k, double n = k.\nProof. intros n. exists (double n). reflexivity. Qed.\n", Verdict.Rejected, "statement-tokens"),
        new("shadowing a definition through a module", Head + "Module Import Cheat.\n  Definition double (n : nat) : nat := 0.\nEnd Cheat.\n" + Main + "Proof. intros n. exists 0. reflexivity. Qed.\n", Verdict.Rejected, "statement-meaning"),
        new("redefining a definition under the same name", "Require Import Arith Lia.\n\nDefinition double (n : nat) : nat := 0.\n\n" + Main + "Proof. intros n. exists 0. reflexivity. Qed.\n", Verdict.Rejected, "statement-meaning"),
        new("notation that changes =", Head + "Notation \"x = y\" := (@eq _ x x /\\ @eq _ y y) (at level 70, no associativity).\n" + Main + "Proof. intros n. exists 0. split; reflexivity. Qed.\n", Verdict.Rejected, "statement-meaning"),
        new("notation that shadows the definition", Head + "Module Import Short.\n  Notation double := (fun _ : nat => 0).\nEnd Short.\n" + Main + "Proof. intros n. exists 0. reflexivity. Qed.\n", Verdict.Rejected, "statement-meaning"),
        new("stdlib axiom the problem does not allow", "Require Import Classical.\n" + Head + Main + "Proof. intros n. destruct (classic (n = n)); exists n; unfold double; lia. Qed.\n", Verdict.Rejected, "assumptions"),
        new("lookalike letter in the theorem name", Head + "Theorem double_\u0435ven : forall n : nat, exists k, double n = k.\nProof. intros n. exists (double n). reflexivity. Qed.\n" + "Theorem double_even : True.\nProof. exact I. Qed.\n", Verdict.Rejected, "characters"),
        new("lookalike Admitted", Head + Main + "Proof.\n  intros n.\nAdm\u0456tted.\n", Verdict.Rejected, "characters"),
        new("Admitted hidden after a qualified name", Head + Main + "Proof.\n  intros n. exists n. unfold double.Admitted.\n", Verdict.Rejected, "admitted"),
        new("comment end hidden in a string inside a comment", Head + Main + "Proof. intros n.\n(* \" *) exists n. lia. Qed. \" *)\nAdmitted.\n", Verdict.Rejected, "admitted"),
        new("unterminated comment hiding the end", Head + Main + "Proof. intros n. exists n. (* Qed.\n", Verdict.Failed),
        new("main theorem only inside a module", Head + "Module M.\n" + Main + Honest + "End M.\n", Verdict.Rejected, "statement-tokens"),
        new("combination: notation, axiom and Admitted", Head + "Notation \"x = y\" := (True) (at level 70).\nAxiom a : False.\n" + Main + "Proof.\nAdmitted.\n", Verdict.Rejected),
        new("Reset Initial to forget the preamble", Head + Main + Honest + "Reset Initial.\n", Verdict.Rejected, "output-and-state"),
        new("universe checking off", Head + "Unset Universe Checking.\n" + Main + Honest, Verdict.Rejected, "kernel-bypass"),
        new("notation symbol opening a comment hides a Redirect", Head + "Notation \"x .(* y\" := (x + y) (at level 50).\nNotation \"x *) y\" := (x + y) (at level 50).\n"
            + "Definition z := 1 .(* 2.\nRedirect \"out\" Print double.\nDefinition w := 3 *) 4.\n" + Main + Honest, Verdict.Rejected, "reading"),
        new("notation symbol opening a comment hides an Axiom", Head + "Notation \"x .(* y\" := (x + y) (at level 50).\nNotation \"x *) y\" := (x + y) (at level 50).\n"
            + "Definition z := 1 .(* 2.\nAxiom cheat : forall P : Prop, P.\nDefinition w := 3 *) 4.\n" + Main + "Proof. apply cheat. Qed.\n", Verdict.Rejected, "reading"),
        new("three dots end a sentence and hide Add LoadPath", Head + Main + "Proof. intros n. idtac... Add LoadPath \"/tmp\" as Evil. exists n. unfold double. lia. Qed.\n", Verdict.Rejected, "loads-code"),
        new("Succeed Section makes a Variable global", Head + "Succeed Section S.\nVariable cheat : forall P : Prop, P.\nFail End S.\n" + Main + "Proof. apply cheat. Qed.\n", Verdict.Rejected, "reading"),
        new("Module Type parameter made an axiom by Include", Head + "Module Type Sig.\n  Parameter cheat : forall P : Prop, P.\nEnd Sig.\nModule M.\n  Include Sig.\nEnd M.\n" + Main + "Proof. apply M.cheat. Qed.\n", Verdict.Rejected, "assumptions"),
        new("own axiom named like an allowed one", "Module Type Sig.\n  Parameter classic : forall P : Prop, P.\nEnd Sig.\nModule Classical_Prop.\n  Include Sig.\nEnd Classical_Prop.\n"
            + "Theorem em : forall P : Prop, P \\/ ~ P.\nProof. intros P. apply Classical_Prop.classic. Qed.\n", Verdict.Rejected, "assumptions", Statements.ExcludedMiddle, ["classic"]),
        new("own axiom named like an allowed one in full", "Module Type Sig.\n  Parameter classic : forall P : Prop, P.\nEnd Sig.\nModule Coq.\n  Module Logic.\n    Module Classical_Prop.\n      Include Sig.\n    End Classical_Prop.\n  End Logic.\nEnd Coq.\n"
            + "Theorem em : forall P : Prop, P \\/ ~ P.\nProof. intros P. apply Coq.Logic.Classical_Prop.classic. Qed.\n", Verdict.Rejected, "assumptions", Statements.ExcludedMiddle, ["Coq.Logic.Classical_Prop.classic"]),
        new("Fail Theorem decoy with the canonical tokens", Head + "Fail Theorem double_even : forall n : nat, exists k, double n = 2 * k.\n"
            + "Theorem double_even : forall n : nat, exists k, double n = k.\nProof. intros n. exists (double n). reflexivity. Qed.\n", Verdict.Rejected, "statement-tokens"),
    ];
}
