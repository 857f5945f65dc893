using System.Diagnostics;

namespace ProofCheck.TestSupport;

/// <summary>The real proofcheck CLI of this build (src/Cli/bin/CONFIG), run as a child process with plain output.</summary>
public static class CliProcess
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net10.0", "proofcheck.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first (the test project references it).", dll);
        }
    }

    /// <summary>Runs <c>proofcheck ARGS</c> in <paramref name="workingDirectory"/>; returns the exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(Dll);
        args.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
