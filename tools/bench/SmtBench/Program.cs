using System.Diagnostics;
using System.Globalization;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.Smt;
using ProofCheck.Smt.Checking;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Solvers;
using ProofCheck.SmtBench;

// Obligations per second on one fixed set of small obligations (each with its vacuity check, and model
// extraction where refuted): a solver process spawned per obligation, the pool with 1 and 2 workers
// (sandboxed and not), the default two-solver portfolio, and z3's in-process Python API as the anchor.
// Usage: dotnet run -c Release --project tools/bench/SmtBench [-- COUNT] [--pools-only | --latency]
// --pools-only measures just the pools (a few seconds a run), for interleaving many runs of two builds on a busy machine.
// --latency measures instead the time to a verdict on one false nonlinear mod step, per solver mode (see LatencyAsync).
var poolsOnly = args.Contains("--pools-only");
if (args.Contains("--latency"))
{
    return await LatencyAsync();
}

var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var count = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 500;
var root = FindRoot();
var outDir = Path.Combine(root, "tools", "bench", "out");
Directory.CreateDirectory(outDir);
var file = Path.Combine(outDir, "obligations.smt2");
var text = BenchObligations.Generate(count);
await File.WriteAllTextAsync(file, text);

var (drafts, _) = ObligationFileReader.Read(text);
var obligations = drafts.Select(d => SafeSubset.Validate(d).Obligation!).ToList();
var limit = TimeSpan.FromSeconds(10);
var expected = await ReferenceVerdictsAsync(text);
var sandbox = Sandbox.IsAvailable;

Console.WriteLine($"{count} obligations, {Environment.ProcessorCount} cores, sandbox {(sandbox ? "available" : "unavailable: " + Sandbox.WhyUnavailable)}");
Console.WriteLine($"{"mode",-44} {"obligations/s",14} {"total ms",10}");

var rows = new List<(string Mode, double PerSecond)>();
foreach (var profile in new[] { SolverProfile.Z3, SolverProfile.Cvc5 })
{
    // Spawning is slow, so it runs on a sample of the set; the rate is what matters.
    var sample = obligations.Take(Math.Min(count, 100)).ToList();
    if (!poolsOnly)
    {
        await Measure($"{profile.Name} spawned per obligation (no sandbox)", sample.Count, () => SpawnEachAsync(profile, sample, sandboxed: false));
    }

    if (sandbox && !poolsOnly)
    {
        await Measure($"{profile.Name} spawned per obligation (sandbox)", sample.Count, () => SpawnEachAsync(profile, sample, sandboxed: true));
    }

    foreach (var workers in new[] { 1, 2 })
    {
        foreach (var sandboxed in sandbox ? new[] { false, true } : [false])
        {
            var kind = profile == SolverProfile.Z3 ? SolverKind.Z3 : SolverKind.Cvc5;
            await Measure($"{profile.Name} pool, {workers} worker(s){(sandboxed ? " (sandbox)" : " (no sandbox)")}", count, () => PoolAsync(kind, workers, sandboxed));
        }
    }
}

// The default portfolio races both solvers; a Verified waits for the other solver's confirmation, so its rate
// against the faster single solver's is the price of never resting a Verified on one solver's word.
foreach (var workers in new[] { 1, 2 })
{
    await Measure($"portfolio pool, {workers} worker(s){(sandbox ? " (sandbox)" : " (no sandbox)")}", count, () => PoolAsync(SolverKind.Portfolio, workers, sandbox));
}

if (!poolsOnly)
{
    await InProcessAsync();
}

return 0;

async Task Measure(string mode, int n, Func<Task<IReadOnlyList<Verdict>>> run)
{
    var stopwatch = Stopwatch.StartNew();
    var verdicts = await run();
    stopwatch.Stop();
    var wrong = verdicts.Where((v, i) => v != expected[i]).Count();
    var rate = n / stopwatch.Elapsed.TotalSeconds;
    rows.Add((mode, rate));
    Console.WriteLine($"{mode,-44} {rate,14:0.0} {stopwatch.ElapsedMilliseconds,10}{(wrong > 0 ? $"  !! {wrong} wrong verdicts" : string.Empty)}");
}

async Task<IReadOnlyList<Verdict>> SpawnEachAsync(SolverProfile profile, IReadOnlyList<Obligation> sample, bool sandboxed)
{
    var verdicts = new List<Verdict>();
    foreach (var obligation in sample)
    {
        await using var session = await SolverSession.StartAsync(profile, limit, sandboxed, CancellationToken.None);
        verdicts.Add((await ObligationRun.RunAsync(session, obligation, limit, reproducibleModel: true, CancellationToken.None)).Verdict);
    }

    return verdicts;
}

async Task<IReadOnlyList<Verdict>> PoolAsync(SolverKind kind, int workers, bool sandboxed)
{
    await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = kind, PoolSize = workers });
    var report = await checker.CheckAsync(new CheckRequest(text) { Timeout = limit, Sandboxed = sandboxed });
    return [.. report.Obligations.Select(o => o.Verdict)];
}

async Task<IReadOnlyList<Verdict>> ReferenceVerdictsAsync(string all)
{
    await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Both });
    var report = await checker.CheckAsync(new CheckRequest(all) { Timeout = limit, Sandboxed = false });
    return [.. report.Obligations.Select(o => o.Verdict)];
}

async Task InProcessAsync()
{
    var script = Path.Combine(root, "tools", "bench", "z3_inprocess.py");
    // Debian's python3-z3 belongs to the system Python, which a user-level Python on PATH may shadow.
    var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    var result = await ProcessRunner.RunAsync(new ProcessCommand(python).WithArguments(script, file).WithTimeout(TimeSpan.FromMinutes(5)));
    if (result.ExitCode != 0)
    {
        Console.WriteLine($"{"z3 in-process Python API",-44} not run: {result.StandardError.Trim()}");
        return;
    }

    var rate = double.Parse(result.StandardOutput.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    Console.WriteLine($"{"z3 in-process Python API (python3-z3)",-44} {rate,14:0.0}");
    var spawn = rows.First(r => r.Mode.StartsWith("z3 spawned", StringComparison.Ordinal)).PerSecond;
    var pool = rows.Where(r => r.Mode.StartsWith("z3 pool", StringComparison.Ordinal)).Max(r => r.PerSecond);
    Console.WriteLine();
    Console.WriteLine($"best z3 pool / z3 spawned per obligation: {pool / spawn:0.0}x (target >= 50x)");
    Console.WriteLine($"best z3 pool / z3 in-process API:         {pool / rate:0.00}x (target >= 0.5x)");
}

// Seconds from the request to the verdict on a false step that z3 4.8.12 cannot decide within its limit and cvc5
// refutes: with a new checker each time (processes started, as for the first step of a run) and then on warm
// processes, five times each, median and worst. Also checks that every repetition shows the same counterexample.
static async Task<int> LatencyAsync()
{
    // The example file the README and quickstart check: the same step the tests use.
    var step = await File.ReadAllTextAsync(Path.Combine(FindRoot(), "examples", "nonlinear-mod.smt2"));
    var request = new CheckRequest(step) { Timeout = TimeSpan.FromSeconds(10), Sandboxed = Sandbox.IsAvailable };
    Console.WriteLine($"time to a verdict on a nonlinear mod step, limit 10 s, sandbox {request.Sandboxed}, {Environment.ProcessorCount} cores");
    Console.WriteLine($"{"mode",-22} {"verdict",-9} {"cold median/max s",18} {"warm median/max s",18}  shown");
    foreach (var kind in new[] { SolverKind.Portfolio, SolverKind.Both, SolverKind.Z3, SolverKind.Cvc5 })
    {
        var cold = new List<double>();
        var warm = new List<double>();
        var shown = new HashSet<string>();
        var verdicts = new HashSet<Verdict>();
        for (var i = 0; i < 5; i++)
        {
            await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = kind });
            foreach (var times in new[] { cold, warm })
            {
                var stopwatch = Stopwatch.StartNew();
                var result = (await checker.CheckAsync(request)).Obligations[0];
                times.Add(stopwatch.Elapsed.TotalSeconds);
                verdicts.Add(result.Verdict);
                shown.Add($"{result.Solver}: {result.Counterexample ?? "-"}");
            }
        }

        Console.WriteLine($"{kind,-22} {string.Join("/", verdicts),-9} {Summary(cold),18} {Summary(warm),18}  {string.Join(" | ", shown)}");
    }

    // Random false steps of the same shape, one request each on warm processes: how many each mode refutes, how
    // long it takes (median, max, total) and how many ran into the limit.
    var steps = BenchObligations.NonlinearModSteps(16);
    Console.WriteLine();
    Console.WriteLine($"{steps.Count} random false nonlinear mod steps, limit 10 s, one request each on warm processes");
    Console.WriteLine($"{"mode",-22} {"refuted",8} {"median/max s",14} {"total s",8} {">= limit",9}");
    var perStep = new List<string>[steps.Count];
    foreach (var kind in new[] { SolverKind.Portfolio, SolverKind.Z3, SolverKind.Cvc5 })
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = kind });
        var seconds = new List<double>();
        var refuted = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = (await checker.CheckAsync(request with { Submission = steps[i] })).Obligations[0];
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            refuted += result.Verdict == Verdict.Refuted ? 1 : 0;
            (perStep[i] ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"{kind} {result.Verdict} {stopwatch.Elapsed.TotalSeconds:0.00} s"));
        }

        var atLimit = seconds.Count(s => s >= 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-22} {refuted,5}/{steps.Count,-2} {Summary(seconds),14} {seconds.Sum(),8:0.0} {atLimit,9}"));
    }

    for (var i = 0; i < steps.Count; i++)
    {
        Console.WriteLine($"  step {i + 1,2}: {string.Join(", ", perStep[i])}");
    }

    return 0;

    static string Summary(List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 2]:0.00} / {sorted[^1]:0.00}");
    }
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofCheck.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
