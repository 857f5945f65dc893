using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ProofCheck.Coq;
using ProofCheck.Coq.Running;
using ProofCheck.Core;
using ProofCheck.Execution;

// A Coq check's wall-clock time against plain `coqc` on the same file, and where the difference goes.
// For each (statement, proof) pair, rounds alternate: plain `coqc -q proof.v` (what a user runs), the same with
// its heap on huge pages as the checker runs coqc (`hp`, see ProofCheck.Execution.HugePages: like for like), the
// same with -time (what the submission stage adds), and a full sandboxed check with the canonical
// library already cached, twice: as shipped (the clean-context coqtop loads its libraries while the submission
// compiles) and with the clean-context stage as a second coqc after the submission stage (the earlier design).
// The first check of each pair, with an empty cache, is the cold check (it compiles the library). The ratio is the
// median over rounds of check / plain coqc of the same round, so a busy machine slows both sides of a pair alike;
// `hp ratio` is the same against coqc on huge pages.
// Usage: dotnet run -c Release --project tools/bench/CoqBench [-- --rounds N] [--pairs DIR]
//   default pairs: every problems/*/ with statement.v and proof.v; --pairs DIR: files NAME.statement.v and
//   NAME.proof.v (optional NAME.axioms, one allowed axiom a line), e.g. public material prepared by hand.
var rounds = IntOption("--rounds", 5);
var root = FindRoot();
var pairs = Option("--pairs") is { } dir ? PairsIn(dir) : ProblemPairs(Path.Combine(root, "problems"));
var cache = Directory.CreateTempSubdirectory("coqbench-cache-").FullName;
Environment.SetEnvironmentVariable("PROOFCHECK_CACHE", cache);
var checker = new CoqChecker();
var twoProcess = new CoqChecker(CanonicalLibraryCache.Default, warmClosing: false);
var work = TempFolders.Create("coqbench-").FullName;

Console.WriteLine($"{pairs.Count} files, {rounds} rounds, {Environment.ProcessorCount} cores, load {LoadAverage()}, sandbox {(Sandbox.IsAvailable ? "on" : "unavailable: " + Sandbox.WhyUnavailable)}");
Console.WriteLine($"{"file",-28} {"coqc",8} {"hp",8} {"-time",8} {"cold",8} {"check",8} {"ratio",7} {"hp ratio",8} {"2-proc",8} {"ratio",7}  verdict");
var ratios = new List<double>();
var hugePageRatios = new List<double>();
var twoProcessRatios = new List<double>();
var coldRatios = new List<double>();
foreach (var pair in pairs)
{
    var file = Path.Combine(work, "Proof.v");
    await File.WriteAllTextAsync(file, pair.Proof);
    var request = new CheckRequest(pair.Proof) { CanonicalStatement = pair.Statement, AllowedAxioms = pair.Axioms, Timeout = TimeSpan.FromMinutes(10) };
    var coldWatch = Stopwatch.StartNew();
    var cold = await checker.CheckAsync(request);
    var coldMs = coldWatch.Elapsed.TotalMilliseconds;
    var plain = new List<double>();
    var hugePages = new List<double>();
    var timed = new List<double>();
    var check = new List<double>();
    var roundRatios = new List<double>();
    var hugePageRoundRatios = new List<double>();
    var twoProcessCheck = new List<double>();
    var twoProcessRoundRatios = new List<double>();
    var verdict = cold.Verdict;
    var twoProcessVerdict = cold.Verdict;
    for (var i = 0; i < rounds; i++)
    {
        plain.Add(await CoqcMs(file, hugePages: false, timeFlag: false));
        hugePages.Add(await CoqcMs(file, hugePages: true, timeFlag: false));
        timed.Add(await CoqcMs(file, hugePages: false, timeFlag: true));
        var watch = Stopwatch.StartNew();
        var report = await checker.CheckAsync(request);
        check.Add(watch.Elapsed.TotalMilliseconds);
        verdict = report.Verdict;
        roundRatios.Add(check[^1] / plain[^1]);
        hugePageRoundRatios.Add(check[^1] / hugePages[^1]);
        watch.Restart();
        twoProcessVerdict = (await twoProcess.CheckAsync(request)).Verdict;
        twoProcessCheck.Add(watch.Elapsed.TotalMilliseconds);
        twoProcessRoundRatios.Add(twoProcessCheck[^1] / plain[^1]);
    }

    var ratio = Median(roundRatios);
    ratios.Add(ratio);
    hugePageRatios.Add(Median(hugePageRoundRatios));
    twoProcessRatios.Add(Median(twoProcessRoundRatios));
    coldRatios.Add(coldMs / Median(plain));
    Console.WriteLine($"{pair.Name,-28} {Median(plain),8:0} {Median(hugePages),8:0} {Median(timed),8:0} {coldMs,8:0} {Median(check),8:0} {ratio,6:0.00}x {hugePageRatios[^1],7:0.00}x {Median(twoProcessCheck),8:0} {twoProcessRatios[^1],6:0.00}x  {verdict}{(cold.Verdict == verdict ? string.Empty : $" (cold: {cold.Verdict})")}{(twoProcessVerdict == verdict ? string.Empty : $" (two processes: {twoProcessVerdict})")}");
}

var vo = Directory.EnumerateFiles(cache, "Canonical.vo", SearchOption.AllDirectories).OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();
if (vo is not null)
{
    var hashWatch = Stopwatch.StartNew();
    await using (var stream = File.OpenRead(vo))
    {
        SHA256.HashData(stream);
    }

    Console.WriteLine($"hashing the largest canonical library ({new FileInfo(vo).Length / 1024} KiB): {hashWatch.Elapsed.TotalMilliseconds:0.0} ms");
}

Console.WriteLine($"load at the end {LoadAverage()}");
Console.WriteLine($"check / plain coqc, cached library: median {Median(ratios):0.00}x (min {ratios.Min():0.00}x, max {ratios.Max():0.00}x; target <= 1.5x)");
Console.WriteLine($"check / coqc on huge pages (like for like), cached library: median {Median(hugePageRatios):0.00}x (min {hugePageRatios.Min():0.00}x, max {hugePageRatios.Max():0.00}x)");
Console.WriteLine($"check / plain coqc, cached library, clean-context stage as a second coqc (before): median {Median(twoProcessRatios):0.00}x (min {twoProcessRatios.Min():0.00}x, max {twoProcessRatios.Max():0.00}x)");
Console.WriteLine($"check / plain coqc, first check of a statement (compiles its library): median {Median(coldRatios):0.00}x");
TempFolders.Delete(work);
Directory.Delete(cache, recursive: true);
return 0;

async Task<double> CoqcMs(string file, bool hugePages, bool timeFlag)
{
    var command = new ProcessCommand("coqc").WithArguments(timeFlag ? ["-q", "-time", file] : ["-q", file])
        .WithWorkingDirectory(work).WithTimeout(TimeSpan.FromMinutes(10));
    command = hugePages ? command.WithHugePages() : command;
    var watch = Stopwatch.StartNew();
    var result = await ProcessRunner.RunAsync(command);
    if (result.ExitCode != 0)
    {
        throw new InvalidOperationException($"plain coqc failed on {file}: {result.StandardError}");
    }

    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static List<Pair> ProblemPairs(string problems) =>
    [.. Directory.EnumerateDirectories(problems).Order(StringComparer.Ordinal)
        .Where(d => File.Exists(Path.Combine(d, "statement.v")) && File.Exists(Path.Combine(d, "proof.v")))
        .Select(d => new Pair(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "statement.v")), File.ReadAllText(Path.Combine(d, "proof.v")), Axioms: null))];

static List<Pair> PairsIn(string dir) =>
    [.. Directory.EnumerateFiles(dir, "*.proof.v").Order(StringComparer.Ordinal).Select(p =>
    {
        var name = Path.GetFileName(p)[..^".proof.v".Length];
        var axioms = Path.Combine(dir, name + ".axioms");
        return new Pair(name, File.ReadAllText(Path.Combine(dir, name + ".statement.v")), File.ReadAllText(p),
            File.Exists(axioms) ? File.ReadAllLines(axioms).Where(l => l.Length > 0).ToList() : null);
    })];

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int IntOption(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofCheck.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed record Pair(string Name, string Statement, string Proof, IReadOnlyList<string>? Axioms);
