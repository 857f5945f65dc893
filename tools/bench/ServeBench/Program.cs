using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Server;
using ProofCheck.Smt;
using ProofCheck.TestSupport;

// The grading service under load, over real HTTP on loopback with the real z3 and coqc: requests/s and p50/p95
// latency for SMT and Coq grading at 1, 2 and 4 concurrent clients, then a mixed load (honest, refuted and cheating
// SMT answers from 16 clients) that checks every reward. Every answer must carry the expected reward, and no
// checker process may be left behind when the service stops; the bench fails otherwise.
// Usage: dotnet run -c Release --project tools/bench/ServeBench [-- SMT_REQUESTS COQ_REQUESTS LOAD_REQUESTS]
var smtRequests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var coqRequests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var loadRequests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var root = FindRoot();
var problems = ProblemSet.Load(Path.Combine(root, "problems"));
var honestCoq = File.ReadAllText(Path.Combine(root, "examples", "gauss-sum.coq.md"));

const string Base = "(declare-const s Int)\n(assert (= s 0))\n(assert (not (= (* 2 s) (* 0 (+ 0 1)))))\n(check-sat)";
const string Step = "(declare-const n Int)\n(declare-const s Int)\n(assert (>= n 0))\n(assert (= (* 2 s) (* n (+ n 1))))\n(assert (not (= (* 2 (+ s (+ n 1))) (* (+ n 1) (+ n 2)))))\n(check-sat)";
const string False = "(declare-const a Int)\n(declare-const b Int)\n(assert (not (> (+ a b) a)))\n(check-sat)";
const string Vacuous = "(declare-const x Int)\n(assert (> x 5))\n(assert (< x 3))\n(assert (not (= x 4)))\n(check-sat)";
static string Steps(params string[] steps) => string.Concat(steps.Select((s, i) => $"Step {i + 1}.\n\n```smt2\n{s}\n```\n\n"));

var smtHonest = new Workload("SMT (2 steps, honest)", new { problem = "gauss-sum", completion = Steps(Base, Step), targets = new[] { "smt" } }, 1);
var coq = new Workload("Coq (gauss-sum, honest)", new { problem = "gauss-sum", completion = honestCoq, targets = new[] { "coq" } }, 1);
Workload[] mixed =
[
    smtHonest,
    new("SMT refuted step", new { problem = "gauss-sum", completion = Steps(Base, False), targets = new[] { "smt" }, reward = "partial" }, 0.25),
    new("SMT vacuous step", new { problem = "gauss-sum", completion = Steps(Base, Vacuous), targets = new[] { "smt" }, reward = "partial" }, -1),
    new("empty answer", new { problem = "gauss-sum", completion = "", targets = new[] { "smt" } }, 0),
];

var workers = Math.Max(1, Environment.ProcessorCount);
var load = await ReadLoadAverage();
Console.WriteLine($"ServeBench: {Environment.ProcessorCount} cores, {workers} service worker(s), load average at start {load}");
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"| workload | clients | requests | requests/s | p50 ms | p95 ms |");
report.AppendLine("|---|---|---|---|---|---|");
var failures = 0;

await using (var smt = new SmtChecker())
{
    var checkers = new Dictionary<string, IProofChecker> { ["coq"] = new ProofCheck.Coq.CoqChecker(), ["smt"] = smt };
    await using var server = await GradingServer.StartAsync(new ServeOptions { Port = 0, Workers = workers, QueueCapacity = 256, TimeLimit = TimeSpan.FromMinutes(5) }, checkers, problems, CancellationToken.None);
    using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };

    // One warm-up request per target: the first SMT grade starts the solver pool.
    await RunAsync(http, [smtHonest], 1, 1);
    foreach (var (workload, count) in new[] { (smtHonest, smtRequests), (coq, coqRequests) })
    {
        foreach (var clients in new[] { 1, 2, 4 })
        {
            var result = await RunAsync(http, [workload], count, clients);
            Row(workload.Name, clients, result);
        }
    }

    var mixedResult = await RunAsync(http, mixed, loadRequests, 16);
    Row("mixed SMT load (honest, refuted, vacuous, empty)", 16, mixedResult);
}

var left = await LeftBehindAsync();
Console.WriteLine();
Console.WriteLine(report.ToString());
Console.WriteLine($"load average at end {await ReadLoadAverage()}; checker processes left behind: {(left.Count == 0 ? "none" : string.Join(", ", left))}");
Directory.CreateDirectory(Path.Combine(root, "tools", "bench", "out"));
await File.WriteAllTextAsync(Path.Combine(root, "tools", "bench", "out", "serve.md"), report.ToString());
if (failures > 0 || left.Count > 0)
{
    Console.Error.WriteLine($"FAILED: {failures} wrong or failed answer(s), {left.Count} process(es) left behind.");
    return 1;
}

return 0;

void Row(string name, int clients, Result r)
{
    failures += r.Wrong;
    var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {clients} | {r.Latencies.Count} | {r.PerSecond:0.00} | {Percentile(r.Latencies, 50):0} | {Percentile(r.Latencies, 95):0} |");
    Console.WriteLine(line + (r.Wrong > 0 ? $"  ({r.Wrong} WRONG)" : string.Empty));
    report.AppendLine(line);
}

static async Task<Result> RunAsync(HttpClient http, Workload[] workloads, int count, int clients)
{
    var latencies = new List<double>();
    var wrong = 0;
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var w = workloads[i % workloads.Length];
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/v1/grade", w.Body);
            var text = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var ok = response.IsSuccessStatusCode && Math.Abs(JsonDocument.Parse(text).RootElement.GetProperty("reward").GetDouble() - w.Expected) < 1e-9;
            lock (latencies)
            {
                latencies.Add(ms);
                if (!ok)
                {
                    wrong++;
                    Console.Error.WriteLine($"{w.Name}: expected reward {w.Expected}, got {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
            }
        }
    }));
    return new Result(latencies, latencies.Count / watch.Elapsed.TotalSeconds, wrong);
}

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static async Task<string> ReadLoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "unknown";

// Checker processes still below this process after the service and its checkers are disposed.
static async Task<List<string>> LeftBehindAsync()
{
    var left = new List<string>();
    foreach (var name in new[] { "coqc", "z3", "cvc5", "bwrap" })
    {
        left.AddRange(await ChildProcesses.RemainingAsync(name, TimeSpan.FromSeconds(10)));
    }

    return left;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofCheck.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("ProofCheck.sln not found above " + AppContext.BaseDirectory);
}

internal sealed record Workload(string Name, object Body, double Expected);

internal sealed record Result(List<double> Latencies, double PerSecond, int Wrong);
