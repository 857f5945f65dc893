using ProofCheck.Execution;

namespace ProofCheck.Pipeline.Problems.Validation;

/// <summary>
/// Compiles a canonical Coq statement (its main theorem left <c>Admitted</c>) with coqc, to prove the statement
/// itself is well-formed: every name resolves, every term type-checks. This is not proof checking, which is the
/// Coq checker's job; it is what makes a statement worth proving.
/// </summary>
internal static class CoqStatementCompiler
{
    public static bool IsInstalled => ExecutableResolver.Resolve("coqc") is not null;

    /// <summary>Null when coqc accepted the statement; otherwise coqc's first error lines.</summary>
    public static async Task<string?> CompileAsync(string statement, ValidationOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("proofcheck-statement-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Statement.v"), statement, cancellationToken).ConfigureAwait(false);
            var command = new ProcessCommand("coqc")
                .WithArguments("-q", "Statement.v")
                .WithWorkingDirectory(folder.FullName)
                .WithTimeout(options.Timeout)
                .AsChecker();
            if (options.Sandboxed)
            {
                command = command.WithSandbox(new SandboxPolicy(folder.FullName));
            }

            var result = await ProcessRunner.RunAsync(command, cancellationToken).ConfigureAwait(false);
            if (result.TimedOut)
            {
                return $"coqc did not finish within {options.Timeout.TotalSeconds:0} s";
            }

            return result.ExitCode == 0 ? null : FirstLines(result.StandardOutput + result.StandardError, 6);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FirstLines(string text, int count) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(count)).Trim();
}
