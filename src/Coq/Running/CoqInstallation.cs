using System.Text.RegularExpressions;
using ProofCheck.Coq.Audit;
using ProofCheck.Execution;

namespace ProofCheck.Coq.Running;

/// <summary>The coqc found on PATH: where it is, its version, and its standard library's names.</summary>
internal sealed partial record CoqInstallation(string Coqc, string Version, string Library, IReadOnlyList<string> StandardLibrary)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CoqInstallation? cached;

    /// <summary>The coqtop installed beside coqc (the warm clean-context stage), or null when there is none.</summary>
    public string? Coqtop =>
        Path.GetDirectoryName(Coqc) is { } dir && Path.Combine(dir, "coqtop") is var coqtop && File.Exists(coqtop) ? coqtop : null;

    [GeneratedRegex(@"version\s+(?<v>\S+)")]
    private static partial Regex VersionPattern();

    /// <summary>The installation, probed once per process; null when coqc is missing or does not answer.</summary>
    public static async Task<CoqInstallation?> FindAsync(CancellationToken cancellationToken)
    {
        if (cached is not null)
        {
            return cached;
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is not null)
            {
                return cached;
            }

            var coqc = ExecutableResolver.Resolve("coqc");
            if (coqc is null)
            {
                return null;
            }

            var timeout = TimeSpan.FromSeconds(30);
            var version = await ProcessRunner.RunAsync(new ProcessCommand(coqc).WithArguments("--version").WithTimeout(timeout), cancellationToken).ConfigureAwait(false);
            var where = await ProcessRunner.RunAsync(new ProcessCommand(coqc).WithArguments("-where").WithTimeout(timeout), cancellationToken).ConfigureAwait(false);
            if (version.ExitCode != 0 || where.ExitCode != 0)
            {
                return null;
            }

            var match = VersionPattern().Match(version.StandardOutput);
            var library = where.StandardOutput.Trim();
            cached = new CoqInstallation(
                coqc,
                match.Success ? match.Groups["v"].Value : version.StandardOutput.Trim(),
                library,
                LibraryAllowlist.ScanStandardLibrary(library));
            return cached;
        }
        catch (ProcessStartException)
        {
            return null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
