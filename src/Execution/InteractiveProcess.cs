using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

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

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true });
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly StreamWriter _stdin;
    private int _disposed;

    private InteractiveProcess(Process process, ProcessCommand command)
    {
        _process = process;
        Command = command;
        _stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        _stdoutPump = Task.Run(() => PumpLinesAsync(process.StandardOutput.BaseStream));
        _stderrPump = Task.Run(() => PumpStderrAsync(process.StandardError.BaseStream));
    }

    public ProcessCommand Command { get; }

    public int Id => _process.Id;

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public int? ExitCode => HasExited ? _process.ExitCode : null;

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
    public static InteractiveProcess Start(ProcessCommand command) => new(ProcessLauncher.Start(command), command);

    /// <summary>Writes text to stdin and flushes. Throws <see cref="IOException"/> when the process is gone.</summary>
    public async Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        await _stdin.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
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
    public void Kill() => ProcessLauncher.KillTree(_process);

    /// <summary>Closes stdin and gives the process a second to exit on its own before killing it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        Kill();
        await Task.WhenAny(Task.WhenAll(_stdoutPump, _stderrPump), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task PumpLinesAsync(Stream stream)
    {
        var decoder = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[8192];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await decoder.ReadAsync(buffer).ConfigureAwait(false)) > 0)
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

                        await _lines.Writer.WriteAsync(line.ToString()).ConfigureAwait(false);
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
                await _lines.Writer.WriteAsync(line.ToString()).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync(Stream stream)
    {
        var decoder = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await decoder.ReadAsync(buffer).ConfigureAwait(false)) > 0)
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
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
