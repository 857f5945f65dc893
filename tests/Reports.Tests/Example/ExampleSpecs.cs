using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Reports.Output;
using ProofCheck.TestSupport;

namespace ProofCheck.Reports.Tests.Example;

/// <summary>The worked example of the README, run and reported through the real CLI with the real checkers.</summary>
[Collection(ExampleCollection.Name)]
public sealed class ExampleSpecs(MemorizationExample example)
{
    [Fact]
    public void The_replayed_run_shows_the_memorization_signal_at_round_0_and_repair_narrows_it()
    {
        var pooled = example.Report.Memorization.Pooled;
        Assert.Equal(3, pooled.RoundZero.Units);
        // Originals: every sample verified at round 0. Variants: far fewer, and McNemar sees it.
        Assert.Equal(pooled.RoundZero.First.Trials, pooled.RoundZero.First.Successes);
        Assert.True(pooled.RoundZero.Second.Value < 0.5, $"variants at round 0: {Format.Rate(pooled.RoundZero.Second)}");
        Assert.True(pooled.RoundZero.McNemar.PValue < 0.01, Format.PValue(pooled.RoundZero.McNemar.PValue));
        Assert.True(pooled.RoundZero.Difference.Low > 0, Format.Estimate(pooled.RoundZero.Difference, difference: true));
        Assert.True(pooled.AfterRepair.Second.Successes > pooled.RoundZero.Second.Successes, "repair fixed some variants");

        // The variants' round-0 Coq proofs are the originals' proofs: the audit refuses the changed statement.
        var variantCoq = example.Run.Attempts.Where(a => a.Target == "coq" && a.ProblemId.Contains('/', StringComparison.Ordinal)).ToList();
        Assert.Contains(variantCoq, a => a.RoundZero == Verdict.Rejected);
        // The false SMT step is refuted with a counterexample, and the answers claimed QED anyway.
        Assert.True(example.Report.SmtSteps.RoundZero.StepsByVerdict["Refuted"] > 0);
        Assert.Contains(example.Run.Attempts.SelectMany(a => a.Rounds).SelectMany(r => r.Obligations), o => o.Counterexample is not null);
        Assert.True(example.Report.Overclaim.Overclaims.RoundZero.Successes > 0);
    }

    [Fact]
    public async Task Report_prints_both_stages_the_family_table_and_McNemar()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        foreach (var text in new[] { "round 0", "after repair", "repunit-prime", "decimal-comparison", "strawberry-r-count", "McNemar exact", "pass@k", "Overclaims" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }

        var pooled = example.Report.Memorization.Pooled.RoundZero;
        Assert.Contains($"originals {Format.Rate(pooled.First)}, variants {Format.Rate(pooled.Second)}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_the_documented_document_of_exactly_these_figures()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath, "--json"], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        Assert.Equal(new StudyDocument([example.Report], null).Serialize().Trim(), stdout.Trim());
        using var json = JsonDocument.Parse(stdout);
        var first = json.RootElement.GetProperty("reports")[0];
        Assert.Equal(example.RunId, first.GetProperty("runId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        // Every field the README documents is in the document (and the README names every top-level field).
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var property in first.EnumerateObject())
        {
            Assert.Contains($"`{property.Name}", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Csv_has_one_row_per_problem_target_sample_and_round()
    {
        var dir = Path.Combine(example.Folder, "csv");
        var (code, _, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath, "--csv", dir], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(dir, StudyCsv.FileName));
        Assert.Equal(string.Join(',', StudyCsv.Columns), lines[0]);
        Assert.Equal(example.Run.Attempts.Sum(a => a.Rounds.Count), lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith($"{example.RunId},repunit-prime/base-3,repunit-prime,true,other-base,folklore,coq,0,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runs_are_compared_on_common_problems()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, example.RunId, "--store", example.StorePath], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        // A run against itself: no discordant pairs, so McNemar's p is 1 and the difference 0.
        Assert.Contains("McNemar exact p = 1.00 (0 only A, 0 only B)", stdout, StringComparison.Ordinal);
        Assert.Contains("A − B 0 pp [0 pp to 0 pp]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_a_clear_error_not_a_stack_trace()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["report", "no-such-run", "--store", example.StorePath], workingDirectory: example.Folder);
        Assert.NotEqual(0, code);
        Assert.Contains("No run 'no-such-run'", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name)]
public sealed class ExampleCollection : ICollectionFixture<MemorizationExample>
{
    public const string Name = "memorization example";
}
