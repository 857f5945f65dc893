using System.Text.Json.Nodes;
using ProofCheck.LeanBridge.Running;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// A folder with lean, lake, repl (and optionally leanchecker) scripts that run tests/LeanStandIn with a scenario of
/// canned answers, and a Lake project whose build folder holds Mathlib (so `import Mathlib` resolves).
/// </summary>
internal sealed class StandIn : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("proofcheck-standin-");

    public StandIn(JsonObject? scenario = null, bool withLeanChecker = false, bool selfContained = false)
    {
        var dll = Dll;
        if (selfContained)
        {
            // A sandboxed Lean sees only its toolchain folder (the parent of bin/), so the stand-in must live there.
            var copy = Directory.CreateDirectory(Path.Combine(root.FullName, "toolchain")).FullName;
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(Dll)!, "LeanStandIn*"))
            {
                File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            }

            dll = Path.Combine(copy, "LeanStandIn.dll");
        }

        Directory.CreateDirectory(Path.Combine(Project, ".lake", "build", "lib", "lean", "Mathlib"));
        File.WriteAllText(Scenario, (scenario ?? []).ToJsonString());
        foreach (var role in withLeanChecker ? new[] { "lean", "lake", "repl", "leanchecker" } : ["lean", "lake", "repl"])
        {
            var script = Path.Combine(Bin, role);
            File.WriteAllText(script, $"#!/bin/sh\nSTANDIN_SCENARIO='{Scenario}' STANDIN_LOG='{Log}' exec dotnet exec '{dll}' {role} \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public static string Dll
    {
        get
        {
            var testBin = AppContext.BaseDirectory;
            var dll = Path.GetFullPath(Path.Combine(testBin.Replace("LeanBridge.Tests", "LeanStandIn", StringComparison.Ordinal), "LeanStandIn.dll"));
            return File.Exists(dll) ? dll : throw new FileNotFoundException("The Lean stand-in was not built next to the tests.", dll);
        }
    }

    public string Bin => Directory.CreateDirectory(Path.Combine(root.FullName, "bin")).FullName;

    public string Project => Path.Combine(root.FullName, "project");

    public string Scenario => Path.Combine(root.FullName, "scenario.json");

    public string Log => Path.Combine(root.FullName, "calls.log");

    public IReadOnlyList<string> Calls => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    public LeanCheckerOptions Options(LeanMode mode = LeanMode.File, TimeSpan? timeout = null, int poolSize = 2, bool sandboxed = false) => new()
    {
        ProjectDirectory = Project,
        LeanPath = Path.Combine(Bin, "lean"),
        LakePath = Path.Combine(Bin, "lake"),
        ReplPath = Path.Combine(Bin, "repl"),
        Mode = mode,
        ReplPoolSize = poolSize,
        Run = new LeanRunSettings { Sandboxed = sandboxed, Timeout = timeout ?? TimeSpan.FromSeconds(60) },
    };

    public void Dispose()
    {
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
