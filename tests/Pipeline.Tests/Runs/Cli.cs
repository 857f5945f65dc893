using System.Diagnostics;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>The real proofcheck CLI (built beside this test project), started as a child process.</summary>
internal static class Cli
{
    private static string Dll => CliProcess.Dll;

    public static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NO_COLOR"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        return process;
    }

    public static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
