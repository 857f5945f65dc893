using System.Diagnostics;
using System.Net;
using ProofCheck.TestSupport;
using Xunit.Abstractions;

namespace ProofCheck.Server.Tests;

/// <summary>A bounded load over real HTTP: every answer right, and no checker process left when the service stops.</summary>
public sealed class LoadSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_grades_from_sixteen_clients_are_all_right_and_leave_no_solver_behind()
    {
        (string Completion, string Reward, double Expected)[] kinds =
        [
            (Answers.Steps(Answers.StepBase, Answers.StepInduction), "binary", 1),
            (Answers.Steps(Answers.StepBase, Answers.StepFalse), "partial", 0.25),
            (Answers.Steps(Answers.StepInduction, Answers.StepVacuous), "partial", -1),
            (string.Empty, "binary", 0),
        ];
        var latencies = new List<double>();
        var wrong = new List<string>();
        var api = await ServiceHarness.StartAsync(new ServeOptions { Workers = 2, QueueCapacity = 16 });
        await using (api)
        {
            var issued = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (_, ct) =>
            {
                for (var i = Interlocked.Increment(ref issued) - 1; i < 200; i = Interlocked.Increment(ref issued) - 1)
                {
                    var (completion, reward, expected) = kinds[i % kinds.Length];
                    var started = Stopwatch.GetTimestamp();
                    var (status, body, _) = await api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward }, cancellationToken: ct);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                        if (status != HttpStatusCode.OK || Math.Abs(body.GetProperty("reward").GetDouble() - expected) > 1e-9)
                        {
                            wrong.Add($"request {i}: {(int)status} {body}");
                        }
                    }
                }
            });
        }

        latencies.Sort();
        output.WriteLine($"200 grades, 16 clients: p50 {latencies[99]:0} ms, p95 {latencies[189]:0} ms, max {latencies[^1]:0} ms");
        Assert.Empty(wrong);
        Assert.Equal(200, latencies.Count);
        Assert.Empty(await ChildProcesses.RemainingAsync("z3", TimeSpan.FromSeconds(15)));
        Assert.Empty(await ChildProcesses.RemainingAsync("bwrap", TimeSpan.FromSeconds(15)));
    }
}
