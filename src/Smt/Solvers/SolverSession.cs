using System.Globalization;
using System.Text;
using ProofCheck.Execution;

namespace ProofCheck.Smt.Solvers;

/// <summary>
/// One long-lived solver process in incremental mode. Each request ends with its own numbered
/// <c>(echo ...)</c> sentinel, so the answers to a request are exactly the lines before that sentinel; a
/// process that dies or misses its wall-clock limit is killed and marked unusable, never reused.
/// Not thread-safe: the pool hands a session to one obligation at a time.
/// </summary>
internal sealed class SolverSession : IPooledSession
{
    private readonly InteractiveProcess _process;
    private readonly DirectoryInfo? _sandboxDirectory;
    // A random part makes the sentinel impossible to forge from the obligation text (e.g. inside an error
    // message that quotes the input), so answers can never be attributed to the wrong request.
    private readonly string _nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
    private long _requests;

    /// <summary>How long a new process (sandbox included) may take to answer its prelude.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);

    private SolverSession(SolverProfile profile, InteractiveProcess process, DirectoryInfo? sandboxDirectory)
    {
        Profile = profile;
        _process = process;
        _sandboxDirectory = sandboxDirectory;
    }

    public SolverProfile Profile { get; }

    /// <summary>The operating-system id of the process this session talks to (bubblewrap's when sandboxed).</summary>
    public int ProcessId => _process.Id;

    /// <summary>False once the process died, hung, or was killed: the pool then replaces it.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>True once the process was given an obligation: its state may then depend on what it decided.</summary>
    public bool HasDecided { get; private set; }

    /// <summary>Records that an obligation is being decided in this process.</summary>
    public void NoteDecision() => HasDecided = true;

    /// <summary>
    /// Rewrites the solver's <c>get-model</c> reply before it is read: a test seam that forges a model while the
    /// real solver decides everything else. Null outside tests.
    /// </summary>
    public Func<string, string, string>? ModelReplyFilter { get; init; }

    /// <summary>Lines written to the solver so far; solvers number error positions by lines of their whole input.</summary>
    public int LinesWritten { get; private set; }

    /// <summary>Starts the solver (in its own sandbox with a private writable folder unless <paramref name="sandboxed"/> is false).</summary>
    public static async Task<SolverSession> StartAsync(SolverProfile profile, TimeSpan queryLimit, bool sandboxed, CancellationToken cancellationToken, Func<string, string, string>? modelReplyFilter = null)
    {
        var command = new ProcessCommand(profile.Program).WithArguments(profile.Arguments(queryLimit)).AsChecker();
        if (profile.HugePages)
        {
            command = command.WithHugePages();
        }

        DirectoryInfo? directory = null;
        if (sandboxed)
        {
            directory = TempFolders.Create("smt-");
            command = command.WithSandbox(new SandboxPolicy(directory.FullName));
        }

        InteractiveProcess process;
        try
        {
            process = InteractiveProcess.Start(command);
        }
        catch
        {
            directory?.Delete(recursive: true);
            throw;
        }

        // The session is handed out only once the solver has answered: until then bubblewrap may not have tied the
        // sandbox's life to ours yet, and a session lost in that window could leave a solver behind that holds the
        // pipes without ever answering. A solver that dies or hangs here is returned unusable, and the obligation
        // given to it meets a lost solver (and is retried on a fresh one) instead of failing the whole check.
        var session = new SolverSession(profile, process, directory) { ModelReplyFilter = modelReplyFilter };
        await session.SendAsync(profile.Prelude(queryLimit), StartLimit, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>
    /// Sends <paramref name="commands"/> followed by a sentinel and collects the answers up to it. A wall-clock
    /// overrun kills the process (<see cref="ReplyStatus.Hung"/>); cancellation kills it too and then throws.
    /// </summary>
    public async Task<SolverReply> SendAsync(string commands, TimeSpan wallClock, CancellationToken cancellationToken)
    {
        var sentinel = await BeginAsync(commands, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(sentinel, wallClock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a request and its sentinel without waiting for the answer, so several requests can be in flight
    /// (one round trip instead of several); read each answer with <see cref="ReadReplyAsync"/>, in order.
    /// </summary>
    public async Task<string> BeginAsync(string commands, CancellationToken cancellationToken)
    {
        var sentinel = $"proofcheck-{_nonce}-{(++_requests).ToString(CultureInfo.InvariantCulture)}";
        if (!IsUsable)
        {
            return sentinel;
        }

        try
        {
            await WriteAsync($"{commands}(echo \"{sentinel}\")\n", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The solver stopped reading (cvc5 exits on the first input error): what it printed before
            // exiting is still in the pipe and is read by ReadReplyAsync, up to the end of its output.
            IsUsable = false;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        return sentinel;
    }

    /// <summary>The answers printed before <paramref name="sentinel"/>, or how the process failed to get there.</summary>
    public async Task<SolverReply> ReadReplyAsync(string sentinel, TimeSpan wallClock, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        using var deadline = new CancellationTokenSource(wallClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (true)
            {
                var line = await _process.ReadLineAsync(linked.Token).ConfigureAwait(false);
                if (line is null)
                {
                    IsUsable = false;
                    return new SolverReply(ReplyStatus.Exited, output.ToString(), _process.RecentStandardError);
                }

                // z3 echoes the text bare, cvc5 in quotes.
                if (line == sentinel || line == $"\"{sentinel}\"")
                {
                    return new SolverReply(ReplyStatus.Complete, output.ToString(), string.Empty);
                }

                output.Append(line).Append('\n');
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return new SolverReply(ReplyStatus.Hung, output.ToString(), _process.RecentStandardError);
        }
    }

    /// <summary>
    /// Sends commands that print nothing (closing a scope), without waiting. If they cannot be sent (the solver is
    /// gone, or the obligation was cancelled, as when the other solver of a race answered first) the process is
    /// killed: a session whose scope was not closed still holds the last obligation's assertions, and reusing it
    /// would decide the next obligation against them.
    /// </summary>
    public async Task SendQuietAsync(string commands, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(commands, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            Kill();
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
    }

    /// <summary>The exit code once the process has ended.</summary>
    public int? ExitCode => _process.ExitCode;

    /// <summary>Kills the process; the session is unusable afterwards.</summary>
    public void Kill()
    {
        IsUsable = false;
        _process.Kill();
    }

    /// <summary>Marks the session as not to be reused (z3 after a timeout hangs on later input).</summary>
    public void Retire() => IsUsable = false;

    public async ValueTask DisposeAsync()
    {
        IsUsable = false;
        await _process.DisposeAsync().ConfigureAwait(false);
        try
        {
            _sandboxDirectory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the verdicts are what matter.
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _process.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        LinesWritten += text.Count(c => c == '\n');
    }
}
