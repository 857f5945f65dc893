using System.Diagnostics;
using System.Globalization;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// Names a process by its host, id and start time, so a lock left by a process that died is recognised as stale even
/// after the operating system has given its id to another process, and a lock held on another machine is never
/// judged by a pid of this one.
/// </summary>
internal static class ProcessOwner
{
    private static readonly Lazy<(int Pid, string? Started)> Self = new(() =>
    {
        var pid = Environment.ProcessId;
        return (pid, StartOf(pid));
    });

    public static int Pid => Self.Value.Pid;

    public static string? Started => Self.Value.Started;

    public static string Host => Environment.MachineName;

    /// <summary>Whether a lock taken on <paramref name="host"/> was taken on another machine (a lock stored without a host is this machine's).</summary>
    public static bool IsElsewhere(string? host) => host is not null && !string.Equals(host, Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when process <paramref name="pid"/> of <paramref name="host"/> may still run: on this machine when it exists
    /// and is the one that started at <paramref name="started"/>; on another machine always, since nothing here can tell.
    /// </summary>
    public static bool IsAlive(string? host, int pid, string? started) => IsElsewhere(host) || IsAlive(pid, started);

    private static bool IsAlive(int pid, string? started)
    {
        if (pid == Pid)
        {
            return started == Started;
        }

        var now = StartOf(pid);
        return now is not null && (started is null || now == started);
    }

    /// <summary>
    /// The start of process <paramref name="pid"/>, or null when there is none. On Linux the kernel's own start tick
    /// (field 22 of /proc/PID/stat), which is exact; elsewhere the runtime's start time.
    /// </summary>
    private static string? StartOf(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                // "pid (command) state ppid ...": the command may hold spaces and parentheses, so count from the last ')'.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                // A zombie (state Z) has ended; it only waits for its parent to read its exit code.
                return fields[0] == "Z" ? null : "tick:" + fields[19];
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
