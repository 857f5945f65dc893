using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProofCheck.TestSupport;

/// <summary>
/// Sends a POSIX signal to a process at once. Starting the <c>kill</c> program instead takes a fork of the whole
/// test host, which on a loaded machine can take seconds: long enough for the process to finish the work the signal
/// was meant to interrupt.
/// </summary>
public static partial class Signals
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["INT"] = 2,
        ["KILL"] = 9,
        ["TERM"] = 15,
    };

    public static void Send(Process process, string signal)
    {
        if (kill(process.Id, Numbers[signal]) != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
