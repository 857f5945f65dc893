using System.Globalization;

namespace ProofCheck.Execution;

/// <summary>
/// How checkers (solvers, coqc, lean, the REPL) yield the CPU to a model generating in the same run. A run overlaps
/// generation with checking, and on a small machine a busy checker at equal priority can halve the model's speed
/// (tools/bench/LlamaBench measures it). So a process that generates while it checks calls <see cref="YieldToModel"/>,
/// and from then on its checkers start at a lower priority (nice <see cref="DefaultNiceness"/>, or
/// <c>PROOFCHECK_CHECKER_NICE</c>: 0–19, 0 turns it off). Commands without a model (check, validate, serve, recheck)
/// keep the caller's priority: nothing of theirs competes with the checkers, and a lower priority would only make
/// them lose to unrelated programs and run into their time limits sooner on a busy machine.
/// </summary>
public static class CheckerPriority
{
    public const string EnvironmentVariable = "PROOFCHECK_CHECKER_NICE";

    public const int DefaultNiceness = 10;

    // Linux groups each session into its own scheduling "autogroup" (sched_autogroup_enabled, the default on most
    // distributions), and a process's nice value only counts inside its group. Every checker runs in a session of
    // its own (setsid outside the sandbox, bubblewrap's --new-session inside), so nice alone would change nothing:
    // the shim also sets the group's nice value. The kernel lets an unprivileged process do that at most once per
    // 100 ms system-wide (EAGAIN otherwise), hence the few retries. The program and its arguments are passed as
    // positional parameters, never spliced into the script, so nothing is re-parsed by the shell.
    private const string Shim =
        "n=$1; shift; if [ -w /proc/self/autogroup ]; then i=0; until { echo \"$n\" >/proc/self/autogroup; } 2>/dev/null; "
        + "do i=$((i+1)); [ $i -ge 5 ] && break; sleep 0.1; done; fi; exec nice -n \"$n\" \"$@\"";

    private static volatile int niceness;

    /// <summary>The nice value checkers start with now: 0 until <see cref="YieldToModel"/> is called.</summary>
    public static int Niceness => niceness;

    /// <summary>The nice value checkers take once a model generates: <see cref="EnvironmentVariable"/> when it holds 0–19, else <see cref="DefaultNiceness"/>.</summary>
    public static int Configured { get; } = Read(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>From now on, checkers started by this process run at <see cref="Configured"/>, below the model's threads.</summary>
    public static void YieldToModel() => niceness = Configured;

    internal static int Read(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 19 ? n : DefaultNiceness;

    /// <summary>
    /// The argument vector that runs <paramref name="argv"/> at <paramref name="niceness"/>: unchanged when it is 0
    /// or this is not Linux; otherwise through <c>sh</c> (given as <paramref name="shell"/>), which sets the
    /// priority and then replaces itself with the program (same process id, same exit code).
    /// </summary>
    internal static IReadOnlyList<string> Wrap(IReadOnlyList<string> argv, int niceness, string shell) =>
        niceness <= 0 || !OperatingSystem.IsLinux()
            ? argv
            : [shell, "-c", Shim, "sh", Math.Min(niceness, 19).ToString(CultureInfo.InvariantCulture), .. argv];
}
