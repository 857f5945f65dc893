using System.Globalization;
using ProofCheck.Execution;
using ProofCheck.LeanBridge.Messages;

namespace ProofCheck.LeanBridge.Running;

/// <summary>What one <c>lean --json</c> run produced.</summary>
public sealed record LeanRun(ProcessResult Process, IReadOnlyList<LeanMessage> Messages, IReadOnlyList<string> OtherOutput)
{
    public IEnumerable<LeanMessage> Errors => Messages.Where(m => m.IsError);
}

/// <summary>Runs <c>lean --json</c> (or <c>leanchecker</c>) on a module in a work folder, sandboxed, with limits.</summary>
public static class LeanModuleRunner
{
    /// <summary>Compiles <c>{workDir}/{module}.lean</c>; with <paramref name="writeOlean"/> also writes the .olean so other modules can import it.</summary>
    public static async Task<LeanRun> CompileAsync(
        LeanInstallation lean, string workDir, string module, bool writeOlean, LeanRunSettings settings, CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            "--json",
            "-DmaxHeartbeats=" + settings.MaxHeartbeats.ToString(CultureInfo.InvariantCulture),
            "--root=" + workDir,
        };
        if (writeOlean)
        {
            args.AddRange(["-o", Path.Combine(workDir, module + ".olean")]);
        }

        args.Add(Path.Combine(workDir, module + ".lean"));
        var result = await ProcessRunner.RunAsync(Command(lean, lean.Lean, workDir, settings).WithArguments(args), cancellationToken).ConfigureAwait(false);
        var (messages, other) = LeanJsonOutput.Parse(result.StandardOutput);
        return new LeanRun(result, messages, other);
    }

    /// <summary>Replays a compiled module through the kernel with <c>leanchecker</c> (Lean ≥ v4.28).</summary>
    public static Task<ProcessResult> ReplayAsync(LeanInstallation lean, string workDir, string module, LeanRunSettings settings, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Command(lean, lean.LeanChecker!, workDir, settings).WithArguments(module), cancellationToken);

    internal static ProcessCommand Command(LeanInstallation lean, string program, string workDir, LeanRunSettings settings)
    {
        var command = new ProcessCommand(program).WithWorkingDirectory(workDir).WithTimeout(settings.Timeout).AsChecker();
        foreach (var (name, value) in lean.Environment)
        {
            command = command.WithEnvironment(name, value);
        }

        var leanPath = lean.Environment.GetValueOrDefault("LEAN_PATH") ?? System.Environment.GetEnvironmentVariable("LEAN_PATH");
        command = command.WithEnvironment("LEAN_PATH", string.IsNullOrEmpty(leanPath) ? workDir : leanPath + Path.PathSeparator + workDir);
        if (settings.Sandboxed)
        {
            command = command.WithSandbox(new SandboxPolicy(workDir) { MemoryLimitBytes = settings.MemoryLimitBytes }.WithReadOnlyPaths(lean.ReadOnlyFolders));
        }

        return command;
    }
}
