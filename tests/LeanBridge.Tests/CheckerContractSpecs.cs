using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>IProofChecker's contract: unusable settings are a verdict with the reason, never an exception.</summary>
public sealed class CheckerContractSpecs
{
    [Fact]
    public async Task A_lean_project_folder_that_does_not_exist_is_a_failed_report_naming_it()
    {
        await using var checker = new LeanProofChecker(new LeanCheckerOptions { ProjectDirectory = "/nonexistent/proofcheck-project" });

        var report = await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));

        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(report.Obligations.SelectMany(o => o.Diagnostics), d => d.Message.Contains("/nonexistent/proofcheck-project", StringComparison.Ordinal));
    }
}
