using ProofCheck.Core;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Reports.Study;
using ProofCheck.Smt;
using ProofCheck.TestSupport;

namespace ProofCheck.Reports.Tests.Example;

/// <summary>
/// The README's worked example, done the way a user does it: <c>proofcheck run --model replay:…</c> over three
/// families, then <c>proofcheck report</c>. With PROOFCHECK_RECORD_EXAMPLE=1 the replay is first recorded again from
/// <see cref="MemorizingModel"/> (needed whenever the prompts or the request options change); with
/// PROOFCHECK_UPDATE_GOLDEN=1 the README's screenshot is taken again.
/// </summary>
public sealed class MemorizationExample : IAsyncLifetime
{
    public static readonly string[] Patterns =
        ["repunit-prime", "repunit-prime/*", "decimal-comparison", "decimal-comparison/*", "strawberry-r-count", "strawberry-r-count/*"];

    public static string ReplayPath => Path.Combine(RepoPaths.Root, "examples", "memorization", "replay.jsonl");

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "proofcheck-report-" + Guid.NewGuid().ToString("N"));

    public string StorePath => Path.Combine(Folder, "runs.db");

    public string RunId { get; private set; } = string.Empty;

    public StudyRun Run { get; private set; } = null!;

    public StudyReport Report { get; private set; } = null!;

    /// <summary>What <c>proofcheck run</c> printed.</summary>
    public string RunOutput { get; private set; } = string.Empty;

    /// <summary>The README's first command, after "proofcheck", run in the repository root as the README does.</summary>
    public static string[] RunArguments(string store) =>
        ["run", "--model", "replay:examples/memorization/replay.jsonl", "--samples", "2", "--rounds", "1", "--targets", "coq,smt", "--store", store, .. Patterns];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        if (Environment.GetEnvironmentVariable("PROOFCHECK_RECORD_EXAMPLE") == "1")
        {
            await RecordAsync();
        }

        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(RunArguments(StorePath), workingDirectory: RepoPaths.Root);
        Assert.True(code == 0, $"proofcheck run failed ({code}):\n{stdout}\n{stderr}");
        RunOutput = stdout;
        using var store = RunStore.OpenExisting(StorePath);
        RunId = store.Runs().Single().Id;
        Run = StudyReader.Read(store, RunId);
        Report = StudyAnalyzer.Analyze(Run);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A checker still exiting may hold a file a moment longer; the temp folder is cleaned later.
        }

        return Task.CompletedTask;
    }

    // One worker, so the memorizing model sees each problem's samples in order.
    private async Task RecordAsync()
    {
        var set = ProblemSet.Load(RepoPaths.Problems);
        var problems = set.Select(Patterns);
        var originals = problems.Where(p => p.ParentId is null).ToDictionary(p => p.Id, StringComparer.Ordinal);
        File.Delete(ReplayPath);
        var config = new RunConfig
        {
            Model = "replay:" + ReplayPath,
            Problems = [.. problems.Select(p => p.Id)],
            Targets = ["coq", "smt"],
            Samples = 2,
            Rounds = 1,
            ProblemsDirectory = RepoPaths.Problems,
        };
        using var store = RunStore.Open(Path.Combine(Folder, "recording.db"));
        await using var smt = new SmtChecker();
        using var model = new RecordingChatClient(new MemorizingModel(problems, originals), ReplayPath);
        var run = RunEngine.Create(store, config, problems);
        await new RunEngine(store, model, new Dictionary<string, IProofChecker> { ["coq"] = new Coq.CoqChecker(), ["smt"] = smt })
            .ExecuteAsync(run, workers: 1, CancellationToken.None);
    }
}
