using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProofCheck.Execution;

/// <summary>
/// Starts a process as the leader of a new session (via setsid), so that killing its process group also
/// reaches grandchildren whose parent already exited — <c>Process.Kill(true)</c> alone misses those.
/// Inside the sandbox the PID namespace does the same job: when bubblewrap dies, everything in it dies.
/// </summary>
internal static partial class ProcessLauncher
{
    private static readonly string? Setsid = OperatingSystem.IsLinux() ? ExecutableResolver.Resolve("setsid") : null;

    public static Process Start(ProcessCommand command)
    {
        var resolved = ExecutableResolver.Resolve(command.Program)
            ?? throw new ProcessStartException(
                $"Cannot start '{command.Program}': it was not found{(command.Program.Contains('/', StringComparison.Ordinal) ? string.Empty : " on PATH")}.");

        string program = resolved;
        IEnumerable<string> arguments = command.Arguments;
        if (command.Sandbox is { } policy)
        {
            Sandbox.EnsureAvailable(Path.GetFileName(command.Program));
            Directory.CreateDirectory(policy.WritableDirectory);
            (program, var wrapped) = Sandbox.Wrap(command, resolved, policy);
            arguments = wrapped;
        }

        var psi = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };

        if (Setsid is not null)
        {
            psi.FileName = Setsid;
            psi.ArgumentList.Add(program);
        }
        else
        {
            psi.FileName = program;
        }

        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        if (command.WorkingDirectory is not null && command.Sandbox is null)
        {
            psi.WorkingDirectory = command.WorkingDirectory;
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        try
        {
            if (!process.Start())
            {
                throw new ProcessStartException($"Cannot start '{command.Program}'.");
            }
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ProcessStartException($"Cannot start '{command.Program}' ({resolved}): {e.Message}", e);
        }

        return process;
    }

    /// <summary>Kills the process, its process group and every descendant still attached; never throws.</summary>
    public static void KillTree(Process process)
    {
        int pid;
        try
        {
            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (Setsid is not null && OperatingSystem.IsLinux())
        {
            // The process is its own group leader (setsid), so -pid names the whole group.
            _ = kill(-pid, SigKill);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private const int SigKill = 9;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
