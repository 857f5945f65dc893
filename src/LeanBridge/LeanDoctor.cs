using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.LeanBridge.Running;

namespace ProofCheck.LeanBridge;

/// <summary>What <c>proofcheck doctor</c> reports about Lean: lean, lake, leanchecker, the REPL and Mathlib.</summary>
public static class LeanDoctor
{
    public static async Task<IReadOnlyList<ToolStatus>> ProbeAsync(CancellationToken cancellationToken)
    {
        string? project;
        LeanInstallation? lean;
        try
        {
            project = LeanDiscovery.ResolveProject(null);
            lean = await LeanDiscovery.FindAsync(project, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserInputException or CheckerUnavailableException)
        {
            return [new ToolStatus(LeanTarget.Name, "lean", false) { Advice = e.Message }];
        }

        var lake = ExecutableResolver.Resolve("lake");
        var lakeVersion = lake is null ? null : await FirstLineAsync(lake, "--version", cancellationToken).ConfigureAwait(false);
        var mathlib = project is null ? null : MathlibVersion(project);
        return
        [
            new ToolStatus(LeanTarget.Name, "lean", lean is not null)
            {
                Version = lean?.Version,
                Location = lean?.Lean,
                Advice = lean is null ? LeanDiscovery.InstallAdvice : null,
            },
            new ToolStatus(LeanTarget.Name, "lake", lake is not null)
            {
                Version = lakeVersion,
                Location = lake,
                Advice = lake is null ? "lake comes with every Lean toolchain installed by elan." : null,
            },
            new ToolStatus(LeanTarget.Name, "leanchecker", lean?.LeanChecker is not null)
            {
                Location = lean?.LeanChecker,
                Advice = lean?.LeanChecker is null ? "Shipped with Lean ≥ v4.28; without it the kernel replay of compiled proofs is skipped." : "replays compiled proofs through the kernel",
            },
            new ToolStatus(LeanTarget.Name, "repl", lean?.Repl is not null)
            {
                Location = lean?.Repl,
                Advice = lean?.Repl is null
                    ? $"For --mode repl: add leanprover-community/repl (same Lean version) to the project and 'lake build repl', or set {LeanDiscovery.ReplVariable}."
                    : "warm REPL pool for --mode repl",
            },
            new ToolStatus(LeanTarget.Name, "Mathlib", mathlib is not null)
            {
                Version = mathlib,
                Location = project,
                Advice = mathlib is null
                    ? $"Point --lean-project or {LeanDiscovery.ProjectVariable} at a Lake project that requires Mathlib ('lake new myproject math'), then run 'lake exe cache get' there."
                    : null,
            },
        ];
    }

    /// <summary>The Mathlib revision from the project's lake-manifest.json, or null when the project has no Mathlib.</summary>
    internal static string? MathlibVersion(string project)
    {
        var manifest = Path.Combine(project, "lake-manifest.json");
        if (!File.Exists(manifest))
        {
            return Directory.Exists(Path.Combine(project, ".lake", "packages", "mathlib")) ? "present" : null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            foreach (var package in doc.RootElement.GetProperty("packages").EnumerateArray())
            {
                if (package.TryGetProperty("name", out var name) && string.Equals(name.GetString(), "mathlib", StringComparison.OrdinalIgnoreCase))
                {
                    var rev = package.TryGetProperty("rev", out var r) ? r.GetString() : null;
                    var input = package.TryGetProperty("inputRev", out var i) ? i.GetString() : null;
                    return string.Join(' ', new[] { input, rev is { Length: > 12 } ? rev[..12] : rev }.Where(s => !string.IsNullOrEmpty(s)));
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static async Task<string?> FirstLineAsync(string program, string argument, CancellationToken cancellationToken)
    {
        try
        {
            var r = await ProcessRunner.RunAsync(new ProcessCommand(program).WithArguments(argument).WithTimeout(TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
            return r.StandardOutput.Split('\n')[0].Trim();
        }
        catch (ProcessStartException)
        {
            return null;
        }
    }
}

/// <summary>One measured series of <c>doctor --bench lean</c>.</summary>
public sealed record LeanBenchResult(string Mode, IReadOnlyList<double> Milliseconds, string Verdict)
{
    public double Median => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Order().ElementAt(Milliseconds.Count / 2);

    public double First => Milliseconds.Count == 0 ? double.NaN : Milliseconds[0];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mode}: first {First:0} ms, median {Median:0} ms over {Milliseconds.Count} checks ({Verdict})");
}

/// <summary>
/// <c>proofcheck doctor --bench lean</c>: the latency of one small check, in file mode and in REPL mode (where the
/// import is paid once by the pool and failing proofs stop at the REPL), on this machine with this project.
/// </summary>
public static class LeanBench
{
    public static async Task<IReadOnlyList<LeanBenchResult>> RunAsync(LeanCheckerOptions options, int repetitions, bool sandboxed, CancellationToken cancellationToken)
    {
        var project = LeanDiscovery.ResolveProject(options.ProjectDirectory);
        var mathlib = project is not null && LeanDoctor.MathlibVersion(project) is not null;
        var statement = (mathlib ? "import Mathlib\n\n" : string.Empty) + "theorem bench_add_comm (a b : Nat) : a + b = b + a := by sorry\n";
        var good = (mathlib ? "import Mathlib\n\n" : string.Empty) + "theorem bench_add_comm (a b : Nat) : a + b = b + a := Nat.add_comm a b\n";
        var bad = (mathlib ? "import Mathlib\n\n" : string.Empty) + "theorem bench_add_comm (a b : Nat) : a + b = b + a := by\n  exact rfl\n";
        var results = new List<LeanBenchResult>();
        foreach (var (mode, submission, label) in new[]
        {
            (LeanMode.File, good, "file mode, correct proof"),
            (LeanMode.File, bad, "file mode, failing proof"),
            (LeanMode.Repl, bad, "REPL pool, failing proof"),
            (LeanMode.Repl, good, "REPL pool + file mode, correct proof"),
        })
        {
            await using var checker = new LeanProofChecker(options with { Mode = mode });
            var times = new List<double>();
            var verdict = string.Empty;
            for (var i = 0; i < repetitions; i++)
            {
                var watch = Stopwatch.StartNew();
                var report = await checker.CheckAsync(new CheckRequest(submission) { CanonicalStatement = statement, Sandboxed = sandboxed }, cancellationToken).ConfigureAwait(false);
                times.Add(watch.Elapsed.TotalMilliseconds);
                verdict = report.Verdict.ToString();
                if (report.Verdict == Core.Verdict.CheckerUnavailable)
                {
                    throw new CheckerUnavailableException(LeanTarget.Name, "Lean is not available, so there is nothing to measure.", LeanDiscovery.InstallAdvice);
                }
            }

            results.Add(new LeanBenchResult(label, times, verdict));
        }

        return results;
    }
}
