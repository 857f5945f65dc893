using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ProofCheck.Execution;

namespace ProofCheck.LeanBridge.Running;

/// <summary>
/// Where Lean is and the environment it needs: the <c>lean</c> program, the variables <c>lake env</c> sets for the
/// user's project (LEAN_PATH above all), and the optional <c>leanchecker</c> and <c>repl</c> programs.
/// </summary>
public sealed record LeanInstallation(string Lean)
{
    public string? Lake { get; init; }

    public string? ProjectDirectory { get; init; }

    /// <summary>Variables from <c>lake env</c> (LEAN_PATH, LEAN_SYSROOT, LD_LIBRARY_PATH…), applied to every Lean run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? Version { get; init; }

    public string? LeanChecker { get; init; }

    public string? Repl { get; init; }

    /// <summary>Folders a sandboxed Lean must be able to read: the toolchain, the project and every LEAN_PATH entry.</summary>
    public IReadOnlyList<string> ReadOnlyFolders
    {
        get
        {
            var folders = new List<string>();
            if (Path.GetDirectoryName(Path.GetDirectoryName(Lean)) is { } sysroot)
            {
                folders.Add(sysroot);
            }

            if (ProjectDirectory is not null)
            {
                folders.Add(ProjectDirectory);
            }

            if (Environment.TryGetValue("LEAN_PATH", out var leanPath))
            {
                folders.AddRange(leanPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            }

            if (Environment.TryGetValue("LEAN_SYSROOT", out var root))
            {
                folders.Add(root);
            }

            return [.. folders.Where(Path.IsPathRooted).Distinct(StringComparer.Ordinal)];
        }
    }
}

/// <summary>Programs given explicitly (by option or by a test) instead of being looked up on PATH.</summary>
public sealed record LeanToolPaths(string? Lean = null, string? Lake = null, string? Repl = null);

/// <summary>Finds Lean for a project, asking <c>lake env</c> once per project per process (not once per check).</summary>
public static partial class LeanDiscovery
{
    public const string ProjectVariable = "PROOFCHECK_LEAN_PROJECT";
    public const string ReplVariable = "PROOFCHECK_LEAN_REPL";

    public const string InstallAdvice =
        "Install Lean 4 with elan (https://github.com/leanprover/elan: 'curl https://raw.githubusercontent.com/leanprover/elan/master/elan-init.sh -sSf | sh'), " +
        "create or clone a Lake project that depends on Mathlib ('lake new myproject math', then 'lake exe cache get' inside it), " +
        "and pass it with --lean-project DIR or PROOFCHECK_LEAN_PROJECT.";

    private static readonly ConcurrentDictionary<string, Lazy<Task<LeanInstallation?>>> Cache = new(StringComparer.Ordinal);

    [GeneratedRegex(@"version\s+(?<v>[0-9][0-9A-Za-z.\-+]*)")]
    private static partial Regex VersionText();

    /// <summary>The project to use: the explicit one, else PROOFCHECK_LEAN_PROJECT, else none.</summary>
    public static string? ResolveProject(string? explicitProject)
    {
        var project = explicitProject ?? System.Environment.GetEnvironmentVariable(ProjectVariable);
        if (string.IsNullOrWhiteSpace(project))
        {
            return null;
        }

        var full = Path.GetFullPath(project);
        return Directory.Exists(full)
            ? full
            : throw new Core.UserInputException($"The Lean project folder '{project}' does not exist (from {(explicitProject is null ? ProjectVariable : "--lean-project")}).");
    }

    /// <summary>The installation for <paramref name="project"/> (null: Lean from PATH, no project), or null when Lean is not installed.</summary>
    public static Task<LeanInstallation?> FindAsync(string? project, LeanToolPaths? tools = null, CancellationToken cancellationToken = default)
    {
        tools ??= new LeanToolPaths();
        var key = string.Join('\n', project, tools.Lean, tools.Lake, tools.Repl, System.Environment.GetEnvironmentVariable("PATH"));
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<Task<LeanInstallation?>>(() => DiscoverAsync(project, tools, CancellationToken.None)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets cached discoveries (a test that changes PATH, a user who just installed Lean).</summary>
    public static void Forget() => Cache.Clear();

    private static async Task<LeanInstallation?> DiscoverAsync(string? project, LeanToolPaths tools, CancellationToken cancellationToken)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var lake = ExecutableResolver.Resolve(tools.Lake ?? "lake");
        if (project is not null && lake is not null)
        {
            // A bare `lake env` prints NAME=VALUE lines like env(1); read once, then run lean directly for every check.
            var result = await ProcessRunner.RunAsync(
                new ProcessCommand(lake).WithArguments("env").WithWorkingDirectory(project).WithTimeout(TimeSpan.FromMinutes(5)),
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new Core.CheckerUnavailableException(LeanTarget.Name,
                    $"'lake env' failed in {project} (exit {result.ExitCode}): {result.StandardError.Trim()}",
                    "Check that the folder is a Lake project (lakefile.lean or lakefile.toml) and that 'lake build' works there.");
            }

            foreach (var line in result.StandardOutput.Split('\n'))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    env[line[..eq].Trim()] = line[(eq + 1)..].TrimEnd('\r');
                }
            }
        }

        var lean = tools.Lean is { } explicitLean
            ? ExecutableResolver.Resolve(explicitLean)
            : FindInSysroot(env, "lean") ?? ExecutableResolver.Resolve("lean");
        if (lean is null)
        {
            return null;
        }

        var version = await ProcessRunner.RunAsync(new ProcessCommand(lean).WithArguments("--version").WithTimeout(TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        var match = VersionText().Match(version.StandardOutput);
        var leanDir = Path.GetDirectoryName(lean)!;
        var leanChecker = Existing(Path.Combine(leanDir, "leanchecker")) ?? ExecutableResolver.Resolve("leanchecker");
        return new LeanInstallation(lean)
        {
            Lake = lake,
            ProjectDirectory = project,
            Environment = env,
            Version = match.Success ? match.Groups["v"].Value : version.StandardOutput.Trim(),
            LeanChecker = leanChecker,
            Repl = FindRepl(project, tools.Repl),
        };
    }

    private static string? FindRepl(string? project, string? replOverride)
    {
        var explicitRepl = replOverride ?? System.Environment.GetEnvironmentVariable(ReplVariable);
        if (!string.IsNullOrWhiteSpace(explicitRepl))
        {
            return ExecutableResolver.Resolve(explicitRepl) ?? throw new Core.UserInputException($"The Lean REPL '{explicitRepl}' was not found.");
        }

        if (project is not null)
        {
            foreach (var candidate in new[] { ".lake/packages/REPL/.lake/build/bin/repl", ".lake/packages/repl/.lake/build/bin/repl", ".lake/build/bin/repl" })
            {
                if (Existing(Path.Combine(project, candidate)) is { } found)
                {
                    return found;
                }
            }
        }

        return ExecutableResolver.Resolve("repl");
    }

    private static string? FindInSysroot(Dictionary<string, string> env, string program) =>
        env.TryGetValue("LEAN_SYSROOT", out var root) ? Existing(Path.Combine(root, "bin", program)) : null;

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
