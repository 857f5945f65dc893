namespace ProofCheck.Execution;

/// <summary>Finds programs on PATH the way a shell would, so messages can say exactly what is missing.</summary>
public static class ExecutableResolver
{
    /// <summary>The full path of <paramref name="program"/> (a name looked up on PATH, or a path), or null when there is none.</summary>
    public static string? Resolve(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(program);
            return File.Exists(full) ? full : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        !OperatingSystem.IsWindows()
            ? (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0
            : true;
}
