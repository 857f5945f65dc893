using System.Text.Json.Nodes;
using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Code a candidate runs while it compiles (the stand-in's "writes") tries to replace each later stage's input:
/// the check module, the canonical module and its .olean. Each stage has its own folder, created only after the
/// earlier stage ended, and compiled modules are hashed between stages, so no verdict changes.
/// </summary>
public sealed class StageIsolationSpecs
{
    private const string Honest = "```lean\nimport Mathlib\n\ntheorem sqrt2_irrational : Irrational (Real.sqrt 2) := by\n  exact irrational_sqrt_two\n```";

    // A forged check module: proves something trivial and names its own clean axiom answer.
    private const string ForgedCheck = "import Candidate\ntheorem Candidate.main : True := trivial\n-- standin:axioms [propext]\n#print axioms Candidate.main\n";

    private static JsonObject Writes(string module) => new()
    {
        [module] = new JsonObject
        {
            ["Check.lean"] = ForgedCheck,
            ["Check.olean"] = "forged",
            ["Canonical.lean"] = "def canonicalStatement : Prop := True\n",
            ["Canonical.olean"] = "forged",
            ["Candidate.olean"] = "forged",
        },
    };

    [Theory]
    [InlineData("[propext, Classical.choice, Quot.sound]", Verdict.Verified)]
    [InlineData("[sorryAx]", Verdict.Rejected)]
    public async Task A_candidate_that_writes_every_later_stage_file_gets_the_verdict_it_would_get_without(string axioms, Verdict expected)
    {
        var plain = await CheckAsync(new JsonObject { ["axioms"] = axioms });
        var writing = await CheckAsync(new JsonObject { ["axioms"] = axioms, ["writes"] = Writes("Candidate") });

        Assert.Equal(expected, plain.Verdict);
        Assert.Equal(plain.Verdict, writing.Verdict);
    }

    [Fact]
    public async Task A_compiled_module_changed_after_its_stage_is_refused()
    {
        // Nothing the check module imports can run code (the audit bans it); were it to, the hashes would tell.
        var report = await CheckAsync(new JsonObject { ["writes"] = new JsonObject { ["Check"] = new JsonObject { ["Candidate.olean"] = "changed" } } });

        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("changed between stages", StringComparison.Ordinal));
    }

    private static async Task<CheckReport> CheckAsync(JsonObject scenario)
    {
        using var standIn = new StandIn(scenario);
        await using var checker = new LeanProofChecker(standIn.Options());
        return await checker.CheckAsync(Problems.Request(Honest));
    }
}
