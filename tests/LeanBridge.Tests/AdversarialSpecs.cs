using System.Text.Json.Nodes;
using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Cheating attempts, each with the verdict it must get and (for the audit) the rule that must catch it. They run
/// through the whole checker against a lenient stand-in Lean that accepts whatever compiles, so nothing here is
/// rejected by luck: the audit, gate (a) or, where only elaboration can tell (gate b), the canned answer real Lean
/// gives on the comparison line. None may be Verified.
/// </summary>
public sealed class AdversarialSpecs
{
    private const string Header = "theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by\n";

    // The comparison module's error when the candidate's theorem means something else in a clean context
    // (old "type mismatch" wording, repl README; new wording "Type mismatch" is parsed the same way: by position).
    private static readonly JsonObject CleanContextMismatch = new()
    {
        ["modules"] = new JsonObject
        {
            ["Check"] = new JsonObject
            {
                ["exit"] = 1,
                ["stdout"] = new JsonArray("""{"caption":"","data":"Type mismatch\n  @sqrt2_irrational\nhas type\n  Irrational √2\nbut is expected to have type\n  Canonical.canonicalStatement","endPos":{"column":80,"line":3},"fileName":"Check.lean","isSilent":false,"keepFullRange":false,"kind":"[anonymous]","pos":{"column":56,"line":3},"severity":"error"}"""),
            },
        },
    };

    /// <summary>name → (submission, expected verdict, rule the audit must name or null, needs the clean-context mismatch answer).</summary>
    private static readonly Dictionary<string, (string Code, Verdict Verdict, string? Rule, bool Mismatch)> Cases = new()
    {
        ["sorry tactic"] = (Header + "  sorry", Verdict.Rejected, "sorry", false),
        ["admit tactic"] = (Header + "  admit", Verdict.Rejected, "sorry", false),
        ["sorryAx term"] = (Header + "  exact sorryAx _ false", Verdict.Rejected, "sorry", false),
        ["escaped «sorryAx»"] = (Header + "  exact «sorryAx» _ false", Verdict.Rejected, "sorry", false),
        ["stop tactic discards the rest"] = (Header + "  stop\n  simp", Verdict.Rejected, "sorry", false),
        ["sorry hidden in an interpolation hole"] = (Header + "  have _h := s!\"{(sorry : Nat)}\"\n  exact irrational_sqrt_two", Verdict.Rejected, "sorry", false),
        ["axiom cheat"] = ("axiom cheat : False\n" + Header + "  exact cheat.elim", Verdict.Rejected, "axiom", false),
        ["private axiom"] = ("private axiom cheat : Irrational (Real.sqrt 2)\n" + Header + "  exact cheat", Verdict.Rejected, "axiom", false),
        ["#exit before the checks"] = (Header + "  exact irrational_sqrt_two\n#exit", Verdict.Rejected, "exit", false),
        ["#eval runs code"] = ("#eval IO.println \"'sqrt2_irrational' depends on axioms: [propext]\"\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["#print forges the axioms line"] = ("#print \"'sqrt2_irrational' does not depend on any axioms\"\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["run_cmd"] = ("run_cmd Lean.logInfo \"ok\"\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["run_elab environment hack"] = ("open Lean in\nrun_elab\n  modifyEnv fun env => env\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["run_meta"] = ("run_meta pure ()\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["run_tac inside a proof"] = (Header + "  run_tac Lean.Elab.Tactic.evalTactic (← `(tactic| exact irrational_sqrt_two))", Verdict.Rejected, "runs-code", false),
        ["eval% at elaboration"] = ("def n : Nat := eval% 2 + 2\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "runs-code", false),
        ["native_decide"] = (Header + "  native_decide", Verdict.Rejected, "native-code", false),
        ["decide +native"] = (Header + "  decide +native", Verdict.Rejected, "native-code", false),
        ["Lean.ofReduceBool"] = (Header + "  exact Lean.ofReduceBool _ _ rfl", Verdict.Rejected, "native-code", false),
        ["implemented_by"] = ("@[implemented_by Nat.zero] def two : Nat := 2\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "implementation-override", false),
        ["extern"] = ("@[extern \"lean_cheat\"] def f (n : Nat) : Nat := n\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "implementation-override", false),
        ["csimp hides an axiom"] = ("@[csimp] theorem oops : @Nat.add = @Nat.add := rfl\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "implementation-override", false),
        ["unsafe def"] = ("unsafe def evil : Nat := 0\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "unsafe", false),
        ["partial def standing in for a proof"] = ("partial def loop : 1 = 1 := loop\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "partial-proof", false),
        ["debug.skipKernelTC"] = ("set_option debug.skipKernelTC true\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "set-option", false),
        ["interpreter option"] = ("set_option interpreter.prefer_native true in\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "set-option", false),
        ["silenced sorry warning"] = ("set_option warn.sorry false\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "set-option", false),
        ["redefined #print axioms"] = ("elab \"#print \" \"axioms\" id:ident : command => pure ()\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "extends-syntax", false),
        ["macro_rules for #print"] = ("macro_rules | `(#print axioms $n) => `(#check $n)\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "extends-syntax", false),
        // A notation whose symbols the check module can never read passes the audit; if it changes what the
        // statement's tokens mean, the clean-context comparison (gate b) refuses the proof.
        ["notation redefines a symbol"] = ("notation \"√\" => id\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, null, true),
        ["infix changes +"] = ("infixl:65 \" + \" => HMul.hMul\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, null, true),
        ["notation on a name the check module reads"] = ("notation \"Canonical.canonicalStatement\" => True\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "extends-syntax", false),
        ["new syntax category"] = ("declare_syntax_cat evil\nsyntax \"cheat\" : evil\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "extends-syntax", false),
        ["initialize block"] = ("initialize IO.println \"hi\"\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "initialize", false),
        ["import outside the allowlist"] = ("import Mathlib\nimport Lean.Elab\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "import", false),
        ["open private internals"] = ("open private setCheckedSync from Lean.Environment\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "open-private", false),
        ["include_str reads files"] = ("def secret : String := include_str \"/etc/passwd\"\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "reads-files", false),
        ["elaborator attribute"] = ("@[command_elab Lean.Parser.Command.check] def e : Nat := 0\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "attribute", false),
        ["unterminated comment hides the end"] = (Header + "  exact irrational_sqrt_two\n/- the harness's checks would be swallowed", Verdict.Rejected, "unterminated", false),
        ["prelude header"] = ("prelude\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, "module-header", false),
        ["Cyrillic s in sorry"] = (Header + "  exact \u0455orry", Verdict.Rejected, "homoglyph", false),
        ["weakened statement under the same name"] = ("theorem sqrt2_irrational : Irrational (Real.sqrt 2) ∨ True := by\n  right; trivial", Verdict.Rejected, null, false),
        ["extra hypothesis False"] = ("theorem sqrt2_irrational (h : False) : Irrational (Real.sqrt 2) := by\n  exact h.elim", Verdict.Rejected, null, false),
        ["look-alike name with capital I"] = ("theorem sqrt2_irrationaI : True := trivial", Verdict.Rejected, null, false),
        ["Cyrillic look-alike name"] = ("theorem sqrt2_irr\u0430tional : True := trivial", Verdict.Rejected, "homoglyph", false),
        ["Greek omicron look-alike name with the real one proved falsely elsewhere"] = ("theorem sqrt2_irrati\u03BFnal : Irrational (Real.sqrt 2) := by\n  exact irrational_sqrt_two\ntheorem sqrt2_irrational' : True := trivial", Verdict.Rejected, null, false),
        ["two commands on one line"] = ("def a : Nat := 1 theorem sqrt2_irrational : 1 = 1 := rfl", Verdict.Rejected, null, false),
        ["main theorem as a def"] = ("def sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two", Verdict.Rejected, null, false),
        ["main theorem in another namespace"] = ("namespace Fake\n" + Header + "  exact irrational_sqrt_two\nend Fake", Verdict.Rejected, null, false),
        ["shadowing definition of Irrational"] = ("def Irrational (_ : ℝ) : Prop := True\n" + Header + "  trivial", Verdict.Rejected, null, true),
        ["helper instance changing the meaning of a symbol"] = ("instance : HPow ℝ ℕ ℝ := ⟨fun _ _ => 0⟩\n" + Header + "  exact irrational_sqrt_two", Verdict.Rejected, null, true),
        ["open that swaps in another sqrt"] = ("namespace Fake\ndef Real.sqrt (_ : ℝ) : ℝ := Real.pi\nend Fake\nopen Fake\n" + Header + "  exact irrational_pi", Verdict.Rejected, null, true),
        ["variable smuggling a hypothesis"] = ("variable (h : Irrational (Real.sqrt 2))\ninclude h\n" + Header + "  exact h", Verdict.Rejected, null, true),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_thirty_attempts_and_covers_every_audit_rule()
    {
        Assert.True(Cases.Count >= 30);
        var covered = Cases.Values.Select(c => c.Rule).OfType<string>().ToHashSet();
        Assert.All(Audit.LeanAuditRules.Reasons.Keys, r => Assert.Contains(r, covered));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_cheating_attempt_gets_its_expected_verdict_and_is_never_verified(string name)
    {
        var (code, expected, rule, mismatch) = Cases[name];
        using var standIn = new StandIn(mismatch ? (JsonObject)CleanContextMismatch.DeepClone() : null);
        await using var checker = new LeanProofChecker(standIn.Options());

        var report = await checker.CheckAsync(Problems.Request("```lean\n" + code + "\n```"));

        Assert.NotEqual(Verdict.Verified, report.Verdict);
        Assert.Equal(expected, report.Verdict);
        if (rule is not null)
        {
            Assert.Contains(report.Audit!.Findings, f => f.Rule == rule);
        }
        else
        {
            Assert.True(report.Audit!.Passed, string.Join("; ", report.Audit.Findings));
        }
    }

    [Theory]
    [InlineData("-- sorry, this one is long\n" + Header + "  exact irrational_sqrt_two")]
    [InlineData("/- we could admit it, but no: /- nested sorry -/ still a comment -/\n" + Header + "  exact irrational_sqrt_two")]
    [InlineData(Header + "  have _s : String := \"sorry and admit and native_decide\"\n  exact irrational_sqrt_two")]
    [InlineData(Header + "  have _c : Char := '\\''\n  have _s := s!\"no holes here \\{sorry}\"\n  exact irrational_sqrt_two")]
    [InlineData("/-- Doc comment mentioning axiom and #eval. -/\n" + Header + "  exact irrational_sqrt_two")]
    public async Task Sorry_and_friends_in_comments_and_strings_are_not_rejected(string code)
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options());

        var report = await checker.CheckAsync(Problems.Request("```lean\n" + code + "\n```"));

        Assert.True(report.Audit!.Passed, string.Join("; ", report.Audit.Findings));
        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    [Fact]
    public async Task A_comment_cannot_hide_code_from_the_audit()
    {
        // "-/" inside a string inside a comment closes the comment in Lean, so the sorry after it is code.
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options());

        var report = await checker.CheckAsync(Problems.Request(Header + "  /- a \"-/ sorry -- \" -/\n  exact irrational_sqrt_two"));

        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.Contains(report.Audit!.Findings, f => f.Rule == "sorry");
    }
}
