using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProofCheck.Execution;

// Two measurements of the embedded backend, each in one run so both sides see the same machine:
// 1. speed: the LLamaSharp backend against the hand-written binding it replaced, same tiny model, same prompt,
//    greedy, 1 thread, runs interleaved pair by pair (target: median per-pair ratio >= 0.95);
// 2. sharing: the LLamaSharp backend with its default threads on a quiet machine, then with two z3 processes
//    busy on a hard problem, as during a run's checking (target: busy >= 0.5 x quiet). The old binding's
//    figures under the same load are printed beside it when it is given.
// Each side runs in its own worker process (Worker/), so two llama.cpp builds never share one process.
// Usage: LlamaBench NEW_WORKER_DLL OLD_WORKER_DLL|- MODEL [PAIRS] [MAX_TOKENS] [SHARING_RUNS]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: LlamaBench NEW_WORKER_DLL OLD_WORKER_DLL|- MODEL [PAIRS] [MAX_TOKENS] [SHARING_RUNS]");
    return 2;
}

var (newDll, oldDll, model) = (args[0], args[1] == "-" ? null : args[1], args[2]);
var pairs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var maxTokens = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
var sharingRuns = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 7;
var failed = false;

Console.WriteLine($"model        {Path.GetFileName(model)}, greedy, up to {maxTokens} tokens per request, n_ctx 4096, chatml, {Environment.ProcessorCount} cores");

// Other work on the machine weighs on every figure below: say how much there was.
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
Console.WriteLine($"load average {Load()} (1, 5, 15 min) at the start");
if (oldDll is not null)
{
    using var oldWorker = new Worker(oldDll, model, maxTokens, "1");
    using var newWorker = new Worker(newDll, model, maxTokens, "1");
    for (var i = 0; i < 5; i++)
    {
        oldWorker.Run();
        newWorker.Run();
    }

    var oldRates = new List<double>();
    var newRates = new List<double>();
    var ratios = new List<double>();
    var sameText = true;
    for (var i = 0; i < pairs; i++)
    {
        // Order flipped each pair, so drift in machine load hits both sides alike.
        var (o, n) = i % 2 == 0 ? (oldWorker.Run(), newWorker.Run()) : Swap(newWorker.Run(), oldWorker.Run());
        oldRates.Add(o.Rate);
        newRates.Add(n.Rate);
        ratios.Add(n.Rate / o.Rate);
        sameText &= o.Text == n.Text;
    }

    var ratio = Median(ratios);
    Console.WriteLine($"speed        {pairs} pairs, 1 thread, alternating order");
    Console.WriteLine($"  old binding  median {Median(oldRates),7:0} tok/s (min {oldRates.Min():0}, max {oldRates.Max():0})");
    Console.WriteLine($"  LLamaSharp   median {Median(newRates),7:0} tok/s (min {newRates.Min():0}, max {newRates.Max():0})");
    Console.WriteLine($"  ratio        {ratio:0.000} median of per-pair ratios (target >= 0.95)");
    Console.WriteLine($"  same text    {(sameText ? "yes" : "NO")}");
    failed |= ratio < 0.95 || !sameText;
}

// Quiet and busy runs alternate, the checkers frozen (SIGSTOP) for the quiet ones, so a machine whose other load
// drifts during the measurement (CI, other jobs) weighs on both sides alike.
(double Quiet, double Busy, double Ratio) Sharing(string dll, int runs, int tokens)
{
    using var worker = new Worker(dll, model, tokens, "default");
    worker.Run();
    using var checkers = new BusyCheckers(2);
    var quiet = new List<double>();
    var busy = new List<double>();
    var ratios = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        checkers.Pause();
        quiet.Add(worker.Run().Rate);
        checkers.Resume();
        Thread.Sleep(200);
        busy.Add(worker.Run().Rate);
        ratios.Add(busy[^1] / quiet[^1]);
    }

    return (Median(quiet), Median(busy), Median(ratios));
}

Console.WriteLine($"sharing      default threads, {sharingRuns} quiet/busy pairs, busy = two z3 processes on a pigeonhole problem, started as a run starts checkers");
var (quietNew, busyNew, shareNew) = Sharing(newDll, sharingRuns, maxTokens);
Console.WriteLine($"  LLamaSharp   quiet {quietNew,7:0} tok/s, busy {busyNew,7:0} tok/s, ratio {shareNew:0.00} median of per-pair ratios (target >= 0.50)");
failed |= shareNew < 0.5;
if (oldDll is not null)
{
    // The old binding crawls under load; a short answer keeps this comparison to a minute.
    var (quietOld, busyOld, shareOld) = Sharing(oldDll, 3, 40);
    Console.WriteLine($"  old binding  quiet {quietOld,7:0} tok/s, busy {busyOld,7:0} tok/s, ratio {shareOld:0.00} (3 pairs of 40-token answers, for comparison)");
}

Console.WriteLine($"load average {Load()} at the end");
return failed ? 1 : 0;

static (Result, Result) Swap(Result first, Result second) => (second, first);

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

internal sealed record Result(int Tokens, double Seconds, string Text)
{
    public double Rate => Tokens / Seconds;
}

/// <summary>A worker process: one loaded model, one greedy request per "run" line, timed inside the worker.</summary>
internal sealed class Worker : IDisposable
{
    private readonly Process process;

    public Worker(string dll, string model, int maxTokens, string threads)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, model, maxTokens.ToString(CultureInfo.InvariantCulture), threads })
        {
            start.ArgumentList.Add(a);
        }

        process = Process.Start(start)!;
    }

    public Result Run()
    {
        process.StandardInput.WriteLine("run");
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine();
        if (line is null)
        {
            process.WaitForExit();
            throw new InvalidOperationException($"a worker ended early (exit {process.ExitCode}).");
        }

        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        return new Result(r.GetProperty("tokens").GetInt32(), r.GetProperty("seconds").GetDouble(), r.GetProperty("text").GetString() ?? "");
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit();
        process.Dispose();
    }
}

/// <summary>
/// Real checkers at work, started as a run starts them: z3 on an unsatisfiable pigeonhole problem (busy for
/// minutes), through the product's launcher, in the sandbox, at the checkers' priority (ProofCheck.Execution).
/// </summary>
internal sealed class BusyCheckers : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("llamabench-");
    private readonly List<InteractiveProcess> solvers = [];

    public BusyCheckers(int count)
    {
        // As a run does: the model generates in this process's worker, so checkers yield to it.
        CheckerPriority.YieldToModel();
        var file = Path.Combine(folder.FullName, "php.smt2");
        File.WriteAllText(file, Pigeonhole(12));
        for (var i = 0; i < count; i++)
        {
            var command = new ProcessCommand("z3").WithArguments("-T:600", file).AsChecker();
            solvers.Add(InteractiveProcess.Start(Sandbox.IsAvailable ? command.WithSandbox(new SandboxPolicy(folder.FullName)) : command));
        }

        Thread.Sleep(1000);
        if (solvers.Any(s => s.HasExited))
        {
            throw new InvalidOperationException("z3 ended at once; the sharing measurement needs it busy: " + solvers[0].RecentStandardError);
        }

        Console.WriteLine($"  checkers     {count} x z3, {(Sandbox.IsAvailable ? "sandboxed" : "unsandboxed")}, nice {CheckerPriority.Niceness} ({CheckerPriority.EnvironmentVariable})");
    }

    public void Pause() => Signal(19);

    public void Resume() => Signal(18);

    public void Dispose()
    {
        Resume();
        foreach (var s in solvers)
        {
            s.Kill();
            s.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        folder.Delete(recursive: true);
    }

    // Sandboxed, the solver is bubblewrap's grandchild: stop and continue the whole tree, not only the launcher's child.
    private void Signal(int signal)
    {
        foreach (var pid in solvers.SelectMany(s => Tree(s.Id)))
        {
            _ = kill(pid, signal);
        }
    }

    private static IEnumerable<int> Tree(int pid)
    {
        yield return pid;
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string children;
            try
            {
                children = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var descendant in Tree(int.Parse(child, CultureInfo.InvariantCulture)))
                {
                    yield return descendant;
                }
            }
        }
    }

#pragma warning disable SYSLIB1054 // two plain ints; a generated stub buys nothing
    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private static string Pigeonhole(int holes)
    {
        var text = new StringBuilder();
        var pigeons = holes + 1;
        for (var p = 0; p < pigeons; p++)
        {
            for (var h = 0; h < holes; h++)
            {
                text.Append(CultureInfo.InvariantCulture, $"(declare-const p{p}h{h} Bool)\n");
            }
        }

        for (var p = 0; p < pigeons; p++)
        {
            text.Append("(assert (or").AppendJoin("", Enumerable.Range(0, holes).Select(h => $" p{p}h{h}")).Append("))\n");
        }

        for (var h = 0; h < holes; h++)
        {
            for (var a = 0; a < pigeons; a++)
            {
                for (var b = a + 1; b < pigeons; b++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"(assert (not (and p{a}h{h} p{b}h{h})))\n");
                }
            }
        }

        return text.Append("(check-sat)\n").ToString();
    }
}
