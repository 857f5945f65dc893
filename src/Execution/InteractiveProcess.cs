using System.Text;
using System.Threading.Channels;
using CliWrap;

namespace ProofCheck.Execution;

/// <summary>
/// A long-lived process spoken to over stdin/stdout line by line (an SMT solver, the Lean REPL).
/// Lines are pumped into a bounded queue by a background reader, so a read can always be cancelled or
/// timed out; stderr is kept in a small ring for diagnostics. Not thread-safe: one conversation at a time.
/// </summary>
public sealed class InteractiveProcess : IAsyncDisposable
{
    private const int MaxLineChars = 4 * 1024 * 1024;
    private const int StderrKeepChars = 64 * 1024;

    private readonly ProcessLauncher.LaunchedProcess _process;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true });
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Stream> _stdinStream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdinClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private StreamWriter? _stdin;
    private int _disposed;

    private InteractiveProcess(ProcessCommand command)
    {
        Command = command;

        // CliWrap owns the pipes; its stdin source hands us the stream and holds it open until we close it, so
        // each request is one direct write and flush (a pipe source per request would cost a task hop each).
        var stdin = PipeSource.Create(async (stream, cancellationToken) =>
        {
            _stdinStream.TrySetResult(stream);
            await _stdinClosed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        });
        _process = ProcessLauncher.Start(command, stdin, PipeTarget.Create(PumpLinesAsync), PipeTarget.Create(PumpStderrAsync), _stop.Token);
        _ = _process.Execution.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
    }

    public ProcessCommand Command { get; }

    public int Id => _process.Id;

    public bool HasExited
    {
        get
        {
            return _process.HasExited;
        }
    }

    public int? ExitCode => _process.Exited.IsCompletedSuccessfully ? _process.Exited.Result : null;

    /// <summary>The last stretch of what the process wrote to stderr.</summary>
    public string RecentStandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the process (in the sandbox when the command has one). Its Timeout, if any, is ignored: each read takes its own.</summary>
    public static InteractiveProcess Start(ProcessCommand command) => new(command);

    /// <summary>Writes text to stdin and flushes. Throws <see cref="IOException"/> when the process is gone.</summary>
    public async Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        _stdin ??= new StreamWriter(await _stdinStream.Task.WaitAsync(cancellationToken).ConfigureAwait(false), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        try
        {
            await _stdin.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException e)
        {
            // CliWrap closes stdin once the process has exited.
            throw new IOException("The process has exited.", e);
        }
    }

    /// <summary>The next stdout line, or null once the process has closed stdout (it exited or crashed).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Kills the process and everything it started; safe to call any number of times.</summary>
    public void Kill() => _process.KillTree();

    /// <summary>Closes stdin and gives the process a second to exit on its own before killing it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stdinClosed.TrySetResult();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _process.Exited.WaitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Kill();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(_process.Execution, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpLinesAsync(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[8192];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\n')
                    {
                        if (line.Length > 0 && line[^1] == '\r')
                        {
                            line.Length--;
                        }

                        await _lines.Writer.WriteAsync(line.ToString(), cancellationToken).ConfigureAwait(false);
                        line.Clear();
                    }
                    else if (line.Length < MaxLineChars)
                    {
                        line.Append(c);
                    }
                }
            }

            if (line.Length > 0)
            {
                await _lines.Writer.WriteAsync(line.ToString(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, read);
                    if (_stderr.Length > StderrKeepChars)
                    {
                        _stderr.Remove(0, _stderr.Length - StderrKeepChars);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
