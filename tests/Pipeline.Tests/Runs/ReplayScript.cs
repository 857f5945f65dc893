using ProofCheck.Models.Replay;
using ProofCheck.TestSupport;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Runs;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// A replay file for a run over several problems: recorded from a scripted model (an NL proof, a false SMT step,
/// then a true one for each problem), so replaying it answers each prompt the way the first run was answered.
/// </summary>
internal static class ReplayScript
{
    public static readonly string[] Problems = ["gauss-sum", "nicomachus", "sum-of-odds", "fermat-little"];

    public static RunConfig Config() => RunHarness.Config(Problems[0], "smt") with { Problems = Problems };

    /// <summary>Runs <see cref="Config"/> once with the scripted answers, recording every exchange to <paramref name="replayPath"/>.</summary>
    public static async Task<Store.RunInfo> RecordAsync(RunHarness harness, string replayPath)
    {
        var script = Problems.SelectMany(_ => new ScriptedAnswer[] { SmtAnswers.NlProof, SmtAnswers.FalseStep, SmtAnswers.TrueStep });
        using var model = new RecordingChatClient(new ScriptedChatClient(script), replayPath);
        return await harness.RunAsync(model, Config());
    }

    public static async Task<string> ExportAsync(RunHarness harness, string runId)
    {
        using var writer = new StringWriter();
        await Reports.RunExport.WriteAsync(writer, harness.Store, runId, includeTimes: false);
        return writer.ToString().Replace(runId, "RUN", StringComparison.Ordinal);
    }
}

/// <summary>Cancels the run once <paramref name="after"/> model answers have been stored.</summary>
internal sealed class CancelAfterAttempts(int after, CancellationTokenSource source) : IRunObserver
{
    private int seen;

    public void AttemptRecorded(Store.AttemptRecord attempt, bool reused)
    {
        if (!reused && Interlocked.Increment(ref seen) == after)
        {
            source.Cancel();
        }
    }

    public void StageStarted(int worker, string problemId, int sample, string stage, string target, int round)
    {
    }

    public void CheckRecorded(Store.CheckRecord check, bool reused)
    {
    }

    public void SampleFinished(int worker, string problemId, int sample, IReadOnlyDictionary<string, Core.Verdict> verdicts)
    {
    }
}
