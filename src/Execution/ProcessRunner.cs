using System.Diagnostics;
using System.Text;
using CliWrap;

namespace ProofCheck.Execution;

/// <summary>Runs a <see cref="ProcessCommand"/> to completion with buffered, capped output.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs the command. Its timeout kills the whole tree and returns a result with <c>TimedOut</c> (CliWrap would
    /// throw: a checker that ran out of time has an answer, "timeout", not a failure); cancelling
    /// <paramref name="cancellationToken"/> also kills the tree and then throws <see cref="OperationCanceledException"/>.
    /// Throws <see cref="ProcessStartException"/> if it cannot start.
    /// </summary>
    public static Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default) =>
        RunAsync(command, probing: false, cancellationToken);

    /// <summary>The run itself; <paramref name="probing"/> is the sandbox probe's own run, which must not ask for the probe's answer.</summary>
    internal static async Task<ProcessResult> RunAsync(ProcessCommand command, bool probing, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        using var timeoutCts = command.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var drainCts = new CancellationTokenSource();
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token, drainCts.Token);
        var stdout = new OutputCapture(command.OutputLimitBytes);
        var stderr = new OutputCapture(command.OutputLimitBytes);
        var stdin = command.StandardInputWriter is { } writer ? PipeSource.Create(writer)
            : command.StandardInput is null ? PipeSource.Null : PipeSource.FromBytes(Encoding.UTF8.GetBytes(command.StandardInput));

        var process = ProcessLauncher.Start(command, stdin, stdout.Target, stderr.Target, forceful.Token, probing);
        var exitCode = -1;
        try
        {
            var exited = await Task.WhenAny(process.Execution, process.Exited).ConfigureAwait(false);
            if (exited == process.Exited && !process.Execution.IsCompleted)
            {
                // Output can outlive the process (an orphaned grandchild holding the pipe), and CliWrap waits for
                // the pipes to close: give them a moment, then kill what is left and move on with what was read.
                if (await Task.WhenAny(process.Execution, Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false) != process.Execution)
                {
                    drainCts.Cancel();
                }
            }

            await process.Execution.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout or drain limit: the result says so below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (process.Exited.IsCompleted)
        {
            exitCode = await process.Exited.ConfigureAwait(false);
        }

        stopwatch.Stop();
        return new ProcessResult(exitCode, stdout.Text, stderr.Text, stopwatch.Elapsed)
        {
            TimedOut = timeoutCts.IsCancellationRequested,
            StandardOutputTruncated = stdout.Truncated,
            StandardErrorTruncated = stderr.Truncated,
            Sandboxed = command.Sandbox is not null,
        };
    }
}
