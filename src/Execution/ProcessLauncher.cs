using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using CliWrap;

namespace ProofCheck.Execution;

/// <summary>
/// Starts every external program through CliWrap, adding what CliWrap leaves out:
/// <list type="bullet">
/// <item>the start happens on the <see cref="LaunchThread"/> (bubblewrap's die-with-parent follows the forking thread);</item>
/// <item>the program runs as the leader of a new session (via setsid), so killing its process group also reaches
/// grandchildren whose parent already exited — CliWrap's kill is <c>Process.Kill(entireProcessTree)</c>, which walks
/// the parent links and misses those orphans (lake → lean, make → coqc). Inside the sandbox the PID namespace
/// does the same job: when bubblewrap dies, everything in it dies;</item>
/// <item>the exact argument vector: CliWrap joins arguments into one escaped string that .NET splits again; we
/// hand .NET the list itself, so no argument can ever be re-split or re-quoted;</item>
/// <item>a lower CPU priority for checkers (<see cref="CheckerPriority"/>), so a run's generation keeps its speed.</item>
/// </list>
/// </summary>
internal static partial class ProcessLauncher
{
    private static readonly string? Setsid = OperatingSystem.IsLinux() ? ExecutableResolver.Resolve("setsid") : null;

    /// <summary>The shell that sets a checker's priority (<see cref="CheckerPriority"/>); without one, checkers keep the caller's.</summary>
    private static readonly string? Shell = OperatingSystem.IsLinux() ? ExecutableResolver.Resolve("sh") : null;

    /// <summary>
    /// Starts <paramref name="command"/> with the given pipes. Cancelling <paramref name="forceful"/> kills the whole
    /// tree and ends <see cref="LaunchedProcess.Execution"/> with <see cref="OperationCanceledException"/>.
    /// Throws <see cref="ProcessStartException"/> when the program cannot start.
    /// </summary>
    public static LaunchedProcess Start(ProcessCommand command, PipeSource stdin, PipeTarget stdout, PipeTarget stderr, CancellationToken forceful, bool probing = false)
    {
        var resolved = ExecutableResolver.Resolve(command.Program)
            ?? throw new ProcessStartException(
                $"Cannot start '{command.Program}': it was not found{(command.Program.Contains('/', StringComparison.Ordinal) ? string.Empty : " on PATH")}.");

        IReadOnlyList<string> argv;
        if (command.Sandbox is { } policy)
        {
            if (!probing)
            {
                Sandbox.EnsureAvailable(Path.GetFileName(command.Program));
            }

            Directory.CreateDirectory(policy.WritableDirectory);
            var (bwrap, wrapped) = Sandbox.Wrap(command, resolved, policy);
            argv = [bwrap, .. wrapped];
        }
        else
        {
            argv = Shell is null ? [resolved, .. command.Arguments] : CheckerPriority.Wrap([resolved, .. command.Arguments], command.Niceness, Shell);
        }

        // argv[0] is the program; with setsid in front, all of argv becomes setsid's arguments.
        var program = Setsid ?? argv[0];
        if (Setsid is null)
        {
            argv = argv.Skip(1).ToList();
        }

        var cli = Cli.Wrap(program)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(stdin)
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(stderr)
            .WithEnvironmentVariables(command.Environment.ToDictionary(e => e.Key, e => e.Value));
        if (command.WorkingDirectory is not null && command.Sandbox is null)
        {
            cli = cli.WithWorkingDirectory(command.WorkingDirectory);
        }

        var launched = new LaunchedProcess();
        try
        {
            var task = LaunchThread.Run(() => cli.ExecuteAsync(
                startInfo =>
                {
                    startInfo.Arguments = string.Empty;
                    foreach (var a in argv)
                    {
                        startInfo.ArgumentList.Add(a);
                    }
                },
                launched.Attach,
                forceful,
                CancellationToken.None));
            launched.Id = task.ProcessId;
            launched.Execution = task.Task;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new ProcessStartException($"Cannot start '{command.Program}' ({resolved}): {(e.InnerException ?? e).Message}", e);
        }

        // Kill the group, not only the tree CliWrap knows, whenever the caller gives up on the process.
        var group = launched;
        forceful.Register(group.KillTree);
        return launched;
    }

    private const int SigKill = 9;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    /// <summary>One started process as its owner sees it.</summary>
    internal sealed class LaunchedProcess
    {
        private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Process? _native;

        public int Id { get; set; }

        /// <summary>CliWrap's run: ends once the process exited and its pipes closed (or throws when cancelled).</summary>
        public Task Execution { get; set; } = Task.CompletedTask;

        /// <summary>Completes with the exit code as soon as the process exits, even while a grandchild still holds its pipes.</summary>
        public Task<int> Exited => _exited.Task;

        public bool HasExited => _exited.Task.IsCompleted;

        /// <summary>Kills the process, its process group and every descendant still attached; never throws.</summary>
        public void KillTree()
        {
            if (Id <= 0)
            {
                return;
            }

            if (Setsid is not null && OperatingSystem.IsLinux())
            {
                // The process is its own group leader (setsid), so -pid names the whole group.
                _ = kill(-Id, SigKill);
            }

            try
            {
                _native?.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException or ObjectDisposedException)
            {
                // Already gone (CliWrap disposes its process object once the run is over).
            }
        }

        internal void Attach(Process process)
        {
            _native = process;
            process.Exited += (_, _) => RecordExit(process);
            if (process.HasExited)
            {
                RecordExit(process);
            }
        }

        private void RecordExit(Process process)
        {
            int code;
            try
            {
                code = process.ExitCode;
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                code = -1;
            }

            _exited.TrySetResult(code);

            // Nothing the program started may outlive it: a sandbox whose bubblewrap was killed before it had tied
            // the sandbox's life to its own would otherwise leave a solver behind that holds the pipes and never
            // answers. The group outlives its leader while members remain, so -pid still names exactly them.
            if (Setsid is not null && OperatingSystem.IsLinux() && Id > 0)
            {
                _ = kill(-Id, SigKill);
            }
        }
    }
}
