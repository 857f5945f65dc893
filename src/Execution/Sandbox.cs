using System.Globalization;

namespace ProofCheck.Execution;

/// <summary>
/// The bubblewrap sandbox every checker runs in: fresh namespaces (no network, own PID space, so killing it
/// kills everything inside), a read-only view of the system, one writable folder, and rlimits set by prlimit.
/// </summary>
public static class Sandbox
{
    private static readonly Lazy<string?> UnavailableReason = new(Probe);

    /// <summary>How long the probe may take to start an empty sandbox before it counts as broken.</summary>
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(10);

    /// <summary>True when bubblewrap is installed and can create a sandbox on this machine.</summary>
    public static bool IsAvailable => UnavailableReason.Value is null;

    /// <summary>Why the sandbox cannot be used, with what to do about it; null when it can.</summary>
    public static string? WhyUnavailable => UnavailableReason.Value;

    public const string InstallAdvice =
        "Install bubblewrap ('apt-get install bubblewrap', or run 'bash tools/setup.sh'), or pass --no-sandbox to run checkers unconfined (recorded with every result).";

    /// <summary>Throws a clear <see cref="Core.CheckerUnavailableException"/> when a sandbox is required but missing.</summary>
    public static void EnsureAvailable(string checker)
    {
        if (!IsAvailable)
        {
            throw new Core.CheckerUnavailableException(checker, $"The sandbox cannot run: {WhyUnavailable}", InstallAdvice);
        }
    }

    /// <summary>The bubblewrap program and arguments that run <paramref name="command"/> under <paramref name="policy"/>.</summary>
    internal static (string Program, List<string> Arguments) Wrap(ProcessCommand command, string resolvedProgram, SandboxPolicy policy)
    {
        var args = new List<string>
        {
            "--die-with-parent",
            "--unshare-all",
            "--new-session",
            "--ro-bind", "/usr", "/usr",
        };
        foreach (var dir in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            AddSystemPath(args, dir);
        }

        // /etc is needed read-only for the dynamic loader cache, locale and findlib configuration (coqc).
        args.AddRange(["--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);

        foreach (var path in policy.ReadOnlyPaths.Concat(command.HugePages ? [HugePages.KernelSettings] : []).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--ro-bind-try", path, path]);
        }

        var programDir = Path.GetDirectoryName(resolvedProgram);
        if (programDir is not null && !IsSystemPath(programDir))
        {
            args.AddRange(["--ro-bind-try", programDir, programDir]);
        }

        var writable = Path.GetFullPath(policy.WritableDirectory);
        args.AddRange(["--bind", writable, writable]);
        args.AddRange(["--chdir", command.WorkingDirectory is null ? writable : Path.GetFullPath(command.WorkingDirectory)]);
        args.AddRange(["--setenv", "HOME", writable, "--setenv", "TMPDIR", writable]);

        var inner = new List<string> { "prlimit", "--as=" + policy.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture) };
        if (policy.CpuSeconds is { } cpu)
        {
            inner.Add("--cpu=" + cpu.ToString(CultureInfo.InvariantCulture));
        }

        inner.Add("--");
        inner.Add(resolvedProgram);
        inner.AddRange(command.Arguments);

        // The priority is set inside, after bubblewrap's --new-session made the sandbox a scheduling group of its own.
        args.Add("--");
        args.AddRange(CheckerPriority.Wrap(inner, command.Niceness, "sh"));
        return ("bwrap", args);
    }

    private static void AddSystemPath(List<string> args, string dir)
    {
        var info = new FileInfo(dir);
        if (info.LinkTarget is { } target)
        {
            args.AddRange(["--symlink", target, dir]);
        }
        else if (Directory.Exists(dir))
        {
            args.AddRange(["--ro-bind", dir, dir]);
        }
    }

    private static bool IsSystemPath(string dir) =>
        dir is "/usr/bin" or "/bin" or "/usr/local/bin" or "/sbin" or "/usr/sbin";

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the sandbox needs Linux (bubblewrap).";
        }

        if (ExecutableResolver.Resolve("bwrap") is null)
        {
            return "bubblewrap (bwrap) is not installed.";
        }

        if (ExecutableResolver.Resolve("prlimit") is null)
        {
            return "prlimit (util-linux) is not installed.";
        }

        var tmp = TempFolders.Create("probe-");
        try
        {
            // Through the launcher, so the 10 s limit really applies: a blocking read of stderr used to come first.
            var result = ProcessRunner.RunAsync(new ProcessCommand("true").WithSandbox(new SandboxPolicy(tmp.FullName)).WithTimeout(ProbeLimit), probing: true, CancellationToken.None)
                .GetAwaiter().GetResult();
            if (result.TimedOut)
            {
                return $"bubblewrap did not start a sandbox within {ProbeLimit.TotalSeconds:0} s.";
            }

            return result.ExitCode == 0 ? null : $"bubblewrap cannot create a sandbox here: {result.StandardError.Trim()}";
        }
        catch (ProcessStartException e)
        {
            return $"bubblewrap could not be started: {e.Message}";
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }
}
