using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>The same checks inside the bubblewrap sandbox: toolchain and project read-only, one writable folder, limits.</summary>
public sealed class SandboxSpecs
{
    [RequiresToolFact("bwrap")]
    public async Task File_mode_runs_lean_inside_the_sandbox()
    {
        using var standIn = new StandIn(selfContained: true);
        await using var checker = new LeanProofChecker(standIn.Options(sandboxed: true));

        var report = await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2) with { Sandboxed = true });

        Assert.True(report.Sandboxed);
        Assert.Equal(Verdict.Verified, report.Verdict);

        // Discovery runs outside and logs; the sandboxed lean runs could not write outside their own folder.
        Assert.Contains("lake env", standIn.Calls);
        Assert.DoesNotContain(standIn.Calls, c => c.StartsWith("lean --json", StringComparison.Ordinal));
    }

    [RequiresToolFact("bwrap")]
    public async Task REPL_mode_runs_the_pool_inside_the_sandbox()
    {
        using var standIn = new StandIn(selfContained: true);
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl, sandboxed: true));

        var report = await checker.CheckAsync(Problems.Request("```lean\nimport Mathlib\n-- standin:unsolved\ntheorem sqrt2_irrational : Irrational (Real.sqrt 2) := by\n  norm_num\n```") with { Sandboxed = true });

        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Source == "repl" && d.Goal is not null);
    }
}
