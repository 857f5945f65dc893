using System.Net;
using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary>A grader is never slower than it says: bounded queue, time limit, and checks stopped when the client goes away.</summary>
public sealed class LimitSpecs
{
    private static object Endless => new { problem = "gauss-sum", completion = Answers.EndlessCoq, targets = new[] { "coq" } };

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after()
    {
        await using var api = await ServiceHarness.StartAsync(new ServeOptions { Workers = 1, QueueCapacity = 0, TimeLimit = TimeSpan.FromSeconds(8) });
        var busy = api.PostAsync("/v1/grade", Endless);
        await WaitUntilAsync(async () => (await api.GetAsync("/health")).GetProperty("queue").GetProperty("admitted").GetInt32() == 1);

        var (status, body, response) = await api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = "", targets = new[] { "smt" } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("queue is full", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        var (busyStatus, _, _) = await busy;
        Assert.Equal(HttpStatusCode.OK, busyStatus);
    }

    [Fact]
    public async Task A_grade_over_the_time_limit_fails_with_its_reason_and_leaves_no_coqc_behind()
    {
        await using var api = await ServiceHarness.StartAsync(new ServeOptions { TimeLimit = TimeSpan.FromSeconds(4) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (status, body, _) = await api.PostAsync("/v1/grade", Endless);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("time-limit", body.GetProperty("reason").GetString());
        Assert.Equal(0, body.GetProperty("reward").GetDouble());
        Assert.Equal("Timeout", body.GetProperty("verdicts").GetProperty("coq").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the answer took {watch.Elapsed}");
        Assert.Empty(await ChildProcesses.RemainingAsync("coqc", TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task A_client_going_away_cancels_its_checks()
    {
        await using var api = await ServiceHarness.StartAsync(new ServeOptions { TimeLimit = TimeSpan.FromMinutes(5) });
        using var gone = new CancellationTokenSource();
        var request = api.PostAsync("/v1/grade", Endless, cancellationToken: gone.Token);
        await WaitUntilAsync(() => Task.FromResult(ChildProcesses.Names().Any(n => n.Contains("coqc", StringComparison.Ordinal))));

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        Assert.Empty(await ChildProcesses.RemainingAsync("coqc", TimeSpan.FromSeconds(15)));
        await WaitUntilAsync(async () => (await api.GetAsync("/health")).GetProperty("cancelled").GetInt64() == 1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 60 s");
            await Task.Delay(100);
        }
    }
}
