using System.Collections.Concurrent;
using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Smt.Solvers;

/// <summary>Whether z3 and cvc5 are installed and which versions they are (for <c>doctor</c> and for reports).</summary>
public static class SolverProbe
{
    private static readonly ConcurrentDictionary<string, Task<string?>> Versions = new(StringComparer.Ordinal);

    /// <summary>One status line per solver.</summary>
    public static async Task<IReadOnlyList<ToolStatus>> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var z3 = StatusAsync(SolverProfile.Z3, cancellationToken);
        var cvc5 = StatusAsync(SolverProfile.Cvc5, cancellationToken);
        return [await z3.ConfigureAwait(false), await cvc5.ConfigureAwait(false)];
    }

    /// <summary>The first line of <c>--version</c> (e.g. "Z3 version 4.8.12 - 64 bit"), or null when the solver does not run.</summary>
    internal static Task<string?> VersionAsync(SolverProfile profile) => Versions.GetOrAdd(profile.Program, _ => ReadVersionAsync(profile));

    private static async Task<ToolStatus> StatusAsync(SolverProfile profile, CancellationToken cancellationToken)
    {
        var location = ExecutableResolver.Resolve(profile.Program);
        var version = location is null ? null : await VersionAsync(profile).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ToolStatus(SmtTarget.Name, profile.Name, version is not null)
        {
            Version = version,
            Location = location,
            Advice = location is null ? profile.InstallAdvice : version is null ? $"{location} did not answer --version. {profile.InstallAdvice}" : null,
        };
    }

    private static async Task<string?> ReadVersionAsync(SolverProfile profile)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(new ProcessCommand(profile.Program).WithArguments("--version").WithTimeout(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
            var first = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return result.ExitCode == 0 && first is not null ? first : null;
        }
        catch (ProcessStartException)
        {
            return null;
        }
    }
}
