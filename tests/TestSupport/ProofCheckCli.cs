using System.Diagnostics;

namespace ProofCheck.TestSupport;

/// <summary>
/// The real proofcheck CLI (built in the same configuration as the calling test project), started as a child
/// process with plain output, so tests see exactly what a user sees: output, exit code, and the effect of signals.
/// </summary>
public static class ProofCheckCli
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net10.0", "proofcheck.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the CLI first (the test project references it).", path);
        }
    }

    /// <param name="environment">Variables to set (a null value removes the variable) on top of this process's.</param>
    /// <param name="workingDirectory">Where the CLI runs; the temporary folder when null.</param>
    /// <param name="launcher">A command that starts the CLI (e.g. bwrap with its options), or null to start it directly.</param>
    public static Process Start(
        IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, IReadOnlyList<string>? launcher = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var part in launcher.Skip(1))
            {
                info.ArgumentList.Add(part);
            }

            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs the CLI to its end (killing it after ten minutes, which only a hung run takes).</summary>
    public static async Task<CliRun> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, IReadOnlyList<string>? launcher = null)
    {
        using var process = Start(args, environment, workingDirectory, launcher);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"proofcheck {string.Join(' ', args)} did not finish in ten minutes");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>How a CLI run ended. Deconstructs as (code, stdout, stderr), or as (code, output) where the output is
/// standard output followed by standard error (what a user reads in a terminal).</summary>
public sealed record CliRun(int Code, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public void Deconstruct(out int code, out string output)
    {
        code = Code;
        output = Output;
    }
}
