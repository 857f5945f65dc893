using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

/// <summary>Runs every adversarial attempt once, a few at a time, so the suite costs seconds rather than minutes.</summary>
public sealed class AdversarialResults
{
    private readonly Lazy<Task<Dictionary<string, CheckReport>>> results = new(RunAllAsync);

    public Task<Dictionary<string, CheckReport>> Results => results.Value;

    private static async Task<Dictionary<string, CheckReport>> RunAllAsync()
    {
        using var slots = new SemaphoreSlim(3);
        var checker = new CoqChecker();
        var runs = AdversarialAttempts.All.Select(async attempt =>
        {
            await slots.WaitAsync();
            try
            {
                return (attempt.Name, Report: await checker.CheckAsync(attempt.Request));
            }
            finally
            {
                slots.Release();
            }
        });
        return (await Task.WhenAll(runs)).ToDictionary(r => r.Name, r => r.Report);
    }
}

[Collection("coqc")]
public sealed class AdversarialSpecs(AdversarialResults fixture) : IClassFixture<AdversarialResults>
{
    public static TheoryData<string> Names => [.. AdversarialAttempts.All.Select(a => a.Name)];

    [Fact]
    public void The_suite_covers_at_least_twenty_attempts_and_every_text_audit_rule()
    {
        Assert.True(AdversarialAttempts.All.Count >= 20);
        var rules = AdversarialAttempts.All.Select(a => a.Rule).ToHashSet();
        foreach (var rule in new[] { "admitted", "assumption", "kernel-bypass", "loads-code", "require", "extraction", "output-and-state", "characters", "statement-tokens", "statement-meaning", "assumptions" })
        {
            Assert.Contains(rule, rules);
        }
    }

    [RequiresToolTheory("coqc")]
    [MemberData(nameof(Names))]
    public async Task An_adversarial_attempt_is_never_Verified_and_gets_its_expected_verdict(string name)
    {
        var attempt = AdversarialAttempts.All.Single(a => a.Name == name);
        var report = (await fixture.Results)[name];
        var detail = ReportJsonText(report);

        Assert.NotEqual(Verdict.Verified, report.Verdict);
        Assert.True(attempt.Expected == report.Verdict, $"expected {attempt.Expected}, got {report.Verdict}:\n{detail}");
        if (attempt.Rule is { } rule)
        {
            Assert.True(report.Audit!.Findings.Any(f => f.Rule == rule), $"expected a '{rule}' finding:\n{detail}");
        }
    }

    [RequiresToolFact("coqc")]
    public async Task The_honest_proof_the_attempts_start_from_is_Verified()
    {
        var report = await new CoqChecker().CheckAsync(new CheckRequest(
            "Require Import Arith Lia.\n\nDefinition double (n : nat) : nat := n + n.\n\nTheorem double_even : forall n : nat, exists k, double n = 2 * k.\nProof.\n  intros n. exists n. unfold double. lia.\nQed.\n")
        { CanonicalStatement = Statements.DoubleEven });
        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    private static string ReportJsonText(CheckReport report) => ReportJson.Serialize(report);
}
