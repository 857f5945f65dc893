using ProofCheck.Coq.Audit;
using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Tests;

public sealed class AuditSpecs
{
    private static readonly LibraryAllowlist Libraries =
        new(["Coq.Arith.Arith", "Coq.Arith.PeanoNat", "Coq.micromega.Lia", "Coq.ZArith.ZArith", "Coq.Logic.Classical"], ["MyLib"]);

    private static IReadOnlyList<Core.AuditFinding> Audit(string source) =>
        CoqAudit.Run(SentenceSplitter.Split(source).Sentences, Libraries);

    [Theory]
    [InlineData("Theorem t : True.\nProof.\nAdmitted.", "admitted")]
    [InlineData("Proof. - admit. Qed.", "admitted")]
    [InlineData("Proof. all: give_up. Qed.", "admitted")]
    [InlineData("Admit Obligations.", "admitted")]
    [InlineData("Tactic Notation \"finish\" := admit.", "admitted")]
    [InlineData("Axiom cheat : False.", "assumption")]
    [InlineData("#[local] Axiom cheat : False.", "assumption")]
    [InlineData("Local Parameter cheat : False.", "assumption")]
    [InlineData("Conjecture c : False.", "assumption")]
    [InlineData("Module M. Parameters (a b : nat). End M.", "assumption")]
    [InlineData("Variable v : False.", "assumption")]
    [InlineData("Module M. Hypothesis h : False. End M.", "assumption")]
    [InlineData("Declare Instance i : Foo.", "assumption")]
    [InlineData("Unset Guard Checking.", "kernel-bypass")]
    [InlineData("Local Unset Positivity Checking.", "kernel-bypass")]
    [InlineData("Unset Universe Checking.", "kernel-bypass")]
    [InlineData("#[bypass_check(guard)] Fixpoint f (n : nat) : False := f n.", "kernel-bypass")]
    [InlineData("Primitive int := #int63_type.", "kernel-bypass")]
    [InlineData("Declare ML Module \"unix\".", "loads-code")]
    [InlineData("Load \"other.v\".", "loads-code")]
    [InlineData("Add LoadPath \"/tmp\" as X.", "loads-code")]
    [InlineData("Cd \"/tmp\".", "loads-code")]
    [InlineData("Require Import Mathcomp.", "require")]
    [InlineData("From Foo Require Import Bar.", "require")]
    [InlineData("Require Import Arith Evil.", "require")]
    [InlineData("Extraction \"f.ml\" plus.", "extraction")]
    [InlineData("Recursive Extraction plus.", "extraction")]
    [InlineData("Extract Constant plus => \"( + )\".", "extraction")]
    [InlineData("Redirect \"out\" Print plus.", "output-and-state")]
    [InlineData("Reset Initial.", "output-and-state")]
    [InlineData("Drop.", "output-and-state")]
    [InlineData("Theorem t : True.\nProof. exact I. Qed. Admіtted.", "characters")]
    [InlineData("Definition x\u200B := 1.", "characters")]
    [InlineData("Definition x\u00A0:= 1.", "characters")]
    [InlineData("Definition \u202Ex := 1.", "characters")]
    [InlineData("Definition \uFF41 := 1.", "characters")]
    [InlineData("Notation \"x .(* y\" := (x + y) (at level 50).", "reading")]
    [InlineData("Infix \"*)\" := plus (at level 50).", "reading")]
    [InlineData("Notation \"a \"\" b\" := (a + b) (at level 50).", "reading")]
    [InlineData("Succeed Section S.", "reading")]
    [InlineData("Fail End S.", "reading")]
    [InlineData("Succeed Section S. Variable v : False.", "assumption")]
    public void A_forbidden_construct_is_found_by_its_rule(string source, string rule)
    {
        Assert.Contains(Audit(source), f => f.Rule == rule);
    }

    [Theory]
    [InlineData("(* Admitted. Axiom x : False. *)\nTheorem t : True. Proof. exact I. Qed.")]
    [InlineData("Definition msg := \"Admitted. Axiom x : False. (* \".\nTheorem t : True. Proof. exact I. Qed.")]
    [InlineData("Section S. Variable n : nat. Hypothesis h : n = n. Context (m : nat). Lemma l : n = n. Proof. exact h. Qed. End S.")]
    [InlineData("Require Import Arith Lia.\nFrom Coq Require Import ZArith.\nRequire Coq.Arith.PeanoNat.\nRequire Import MyLib.Tools.")]
    [InlineData("Lemma admit_free : True. Proof. exact I. Qed.")]
    [InlineData("Definition greeting := \"héllo, wörld\".")]
    [InlineData("Lemma l : forall α β : nat, α + β = β + α. Proof. intros. apply Nat.add_comm. Qed.")]
    [InlineData("Module Type T. End T. Set Implicit Arguments. Local Open Scope nat_scope.")]
    [InlineData("Open Scope R_scope. Lemma sq : forall x : R, x² >= 0. Abort.")]
    [InlineData("Module Type Monoid. Parameter t : Type. Parameter op : t -> t -> t. End Monoid.")]
    [InlineData("Lemma l : forall ℓ₁ : nat, ℓ₁ = ℓ₁ ∧ ⊤ ∨ ⟨ℓ₁⟩. Abort.")]
    [InlineData("Fail Definition x : nat := true. Time Definition y := 1.")]
    public void Honest_code_passes_the_audit(string source)
    {
        Assert.Empty(Audit(source));
    }

    [Fact]
    public void A_Variable_after_its_Section_has_ended_is_an_axiom_again()
    {
        var findings = Audit("Section S. Variable n : nat. End S.\nVariable m : nat.");
        var finding = Assert.Single(findings);
        Assert.Equal(("assumption", 2), (finding.Rule, finding.Span.Line));
    }

    [Fact]
    public void A_finding_points_at_its_line_in_the_model_text()
    {
        var findings = CoqAudit.Run(SentenceSplitter.Split("intros.\n  admit.\n").Sentences, Libraries, lineOffset: 10);
        var finding = Assert.Single(findings);
        Assert.Equal((12, 3), (finding.Span.Line, finding.Span.Column));
    }
}
