using ProofCheck.Coq.Running;

namespace ProofCheck.Coq;

/// <summary>What compiling a canonical statement on its own gave.</summary>
/// <param name="Ran">False when coqc is not installed (or does not answer) here.</param>
/// <param name="Error">coqc's first error lines, or why it did not finish; null when it accepted the statement.</param>
public sealed record StatementCompilation(bool Ran, string? Error);

/// <summary>
/// Compiles a canonical Coq statement (its main theorem left <c>Admitted</c>) to prove the statement itself is
/// well-formed: every name resolves, every term type-checks. This is not proof checking; it runs through the Coq
/// checker's own installation probe and sandboxed workspace, so <c>problems validate</c> and <c>check coq</c> use the
/// same coqc under the same limits.
/// </summary>
public static class CoqStatementCompiler
{
    public static async Task<StatementCompilation> CompileAsync(string statement, bool sandboxed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var coq = await CoqInstallation.FindAsync(cancellationToken).ConfigureAwait(false);
        if (coq is null)
        {
            return new StatementCompilation(false, null);
        }

        using var workspace = new CoqWorkspace(coq, sandboxed, timeout);
        var result = await workspace.CompileAsync("statement", "Statement", statement, [], cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            return new StatementCompilation(true, $"coqc did not finish within {timeout.TotalSeconds:0} s");
        }

        return new StatementCompilation(true, result.ExitCode == 0 ? null : FirstLines(result.StandardOutput + result.StandardError, 6));
    }

    private static string FirstLines(string text, int count) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(count)).Trim();
}
