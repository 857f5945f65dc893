using ProofCheck.LeanBridge.Audit;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Tests;

public sealed class AuditSpecs
{
    private static IReadOnlyList<string> Rules(string code, params string[] imports) =>
        [.. LeanAudit.Run(LeanSyntax.Parse(code), imports.Length == 0 ? null : imports).Findings.Select(f => f.Rule)];

    [Theory]
    [InlineData("set_option maxHeartbeats 400000 in\ntheorem t : True := trivial")]
    [InlineData("set_option linter.unusedVariables false\ntheorem t : True := trivial")]
    [InlineData("@[simp] theorem t : True := trivial\nattribute [local instance] Classical.propDecidable")]
    [InlineData("@[simp, norm_cast] lemma t : True := trivial")]
    [InlineData("theorem t : True := by\n  decide")]
    [InlineData("partial def loop (n : Nat) : Nat := loop n\ntheorem t : True := trivial")]
    [InlineData("open Real in\ntheorem t : True := trivial")]
    [InlineData("#check Nat.add_comm\ntheorem t : True := trivial")]
    [InlineData("set_option maxHeartbeats 0\nset_option maxRecDepth 100000\nset_option trace.Meta.synthInstance true\nset_option exponentiation.threshold 600\ntheorem t : True := trivial")]
    public void Ordinary_proof_code_passes(string code)
    {
        Assert.Empty(Rules(code));
    }

    [Fact]
    public void Submodules_of_an_allowed_import_are_allowed_and_others_are_not()
    {
        Assert.Empty(Rules("import Mathlib.Tactic\ntheorem t : True := trivial", "Mathlib"));
        Assert.Equal(["import"], Rules("import Mathlib\nimport Lean\ntheorem t : True := trivial", "Mathlib"));
    }

    [Fact]
    public void Every_finding_names_the_construct_its_line_and_why()
    {
        var finding = LeanAudit.Run(LeanSyntax.Parse("theorem t : True := by\n  -- fine\n  native_decide")).Findings.Single();

        Assert.Equal("native_decide", finding.Construct);
        Assert.Equal(3, finding.Span.Line);
        Assert.Equal(3, finding.Span.Column);
        Assert.Contains("compiled code", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_reason_and_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Root, "src", "LeanBridge", "README.md"));
        Assert.All(LeanAuditRules.Reasons, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Value));
            Assert.Contains($"`{r.Key}`", readme, StringComparison.Ordinal);
        });
    }
}
