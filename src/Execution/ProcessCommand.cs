using System.Diagnostics.Contracts;

namespace ProofCheck.Execution;

/// <summary>
/// An immutable description of one program run: never a shell string, always a program and an argument list.
/// Each <c>With…</c> method returns a changed copy, so a configured command can be shared and reused safely.
/// </summary>
public sealed record ProcessCommand
{
    /// <summary>Default cap on each captured stream (stdout, stderr): a process that floods output cannot exhaust memory.</summary>
    public const int DefaultOutputLimitBytes = 8 * 1024 * 1024;

    public ProcessCommand(string program)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        Program = program;
    }

    /// <summary>A program name looked up on PATH, or a path.</summary>
    public string Program { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The working directory; null means the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set (a null value removes the variable) on top of the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to the process's standard input, which is then closed. Null sends nothing (immediate EOF).</summary>
    public string? StandardInput { get; init; }

    /// <summary>
    /// Writes standard input while the process runs, instead of <see cref="StandardInput"/>; stdin is closed when the
    /// returned task ends. For a process fed in steps (a prover that loads its libraries before its input exists).
    /// </summary>
    public Func<Stream, CancellationToken, Task>? StandardInputWriter { get; init; }

    /// <summary>Wall-clock limit; when it passes, the whole process tree is killed and the result says <c>TimedOut</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    public int OutputLimitBytes { get; init; } = DefaultOutputLimitBytes;

    /// <summary>When set, the process runs inside the bubblewrap sandbox with these limits.</summary>
    public SandboxPolicy? Sandbox { get; init; }

    /// <summary>The nice value the program runs at (0 = the caller's priority); see <see cref="CheckerPriority"/>.</summary>
    public int Niceness { get; init; }

    /// <summary>Whether the program's heap is backed by huge pages (<see cref="Execution.HugePages"/>); a sandbox then shows it the kernel's settings.</summary>
    public bool HugePages { get; init; }

    [Pure]
    public ProcessCommand WithArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. arguments] };

    [Pure]
    public ProcessCommand WithWorkingDirectory(string? directory) => this with { WorkingDirectory = directory };

    [Pure]
    public ProcessCommand WithEnvironment(string name, string? value)
    {
        var env = new Dictionary<string, string?>(Environment) { [name] = value };
        return this with { Environment = env };
    }

    [Pure]
    public ProcessCommand WithStandardInput(string? input) => this with { StandardInput = input };

    /// <summary>Feeds standard input from <paramref name="writer"/> while the process runs (see <see cref="StandardInputWriter"/>).</summary>
    [Pure]
    public ProcessCommand WithStandardInputWriter(Func<Stream, CancellationToken, Task> writer) => this with { StandardInputWriter = writer };

    [Pure]
    public ProcessCommand WithTimeout(TimeSpan? timeout) => this with { Timeout = timeout };

    [Pure]
    public ProcessCommand WithOutputLimit(int bytes) => this with { OutputLimitBytes = bytes };

    [Pure]
    public ProcessCommand WithSandbox(SandboxPolicy? sandbox) => this with { Sandbox = sandbox };

    [Pure]
    public ProcessCommand WithNiceness(int niceness) => this with { Niceness = niceness };

    /// <summary>Runs the program at the priority checkers get (<see cref="CheckerPriority.Niceness"/>: below the model's while one generates).</summary>
    [Pure]
    public ProcessCommand AsChecker() => WithNiceness(CheckerPriority.Niceness);

    /// <summary>Runs the program with its heap backed by huge pages (see <see cref="Execution.HugePages"/>), keeping any glibc tunables already set.</summary>
    [Pure]
    public ProcessCommand WithHugePages() =>
        WithEnvironment(Execution.HugePages.TunablesVariable, Execution.HugePages.Tunables(System.Environment.GetEnvironmentVariable(Execution.HugePages.TunablesVariable))) with { HugePages = true };

    /// <summary>The command line for messages, with arguments quoted where needed (never executed as a string).</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Program }.Concat(Arguments).Select(a =>
            a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$')
                ? "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
                : a));
}
