using System.Diagnostics;
using System.Text;

namespace ProofCheck.Execution;

/// <summary>Runs a <see cref="ProcessCommand"/> to completion with buffered, capped output.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs the command. Its timeout kills the whole tree and returns a result with <c>TimedOut</c>;
    /// cancelling <paramref name="cancellationToken"/> also kills the tree and then throws
    /// <see cref="OperationCanceledException"/>. Throws <see cref="ProcessStartException"/> if it cannot start.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        using var process = ProcessLauncher.Start(command);

        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            exited.TrySetResult();
        }

        using var timeoutCts = command.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var timedOut = false;
        using (linked.Token.Register(() =>
        {
            timedOut = timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            ProcessLauncher.KillTree(process);
        }))
        {
            var stdout = new OutputCapture(process.StandardOutput.BaseStream, command.OutputLimitBytes);
            var stderr = new OutputCapture(process.StandardError.BaseStream, command.OutputLimitBytes);
            var pumps = Task.WhenAll(
                stdout.PumpAsync(CancellationToken.None),
                stderr.PumpAsync(CancellationToken.None),
                WriteStandardInputAsync(process, command.StandardInput, exited.Task));

            await exited.Task.ConfigureAwait(false);

            // Output can outlive the process (a grandchild holding the pipe); give it a moment, then move on.
            if (await Task.WhenAny(pumps, Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false) != pumps)
            {
                ProcessLauncher.KillTree(process);
                process.StandardOutput.BaseStream.Dispose();
                process.StandardError.BaseStream.Dispose();
            }

            process.WaitForExit();
            stopwatch.Stop();

            if (cancellationToken.IsCancellationRequested && !timedOut)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            return new ProcessResult(process.ExitCode, stdout.Text, stderr.Text, stopwatch.Elapsed)
            {
                TimedOut = timedOut,
                StandardOutputTruncated = stdout.Truncated,
                StandardErrorTruncated = stderr.Truncated,
                Sandboxed = command.Sandbox is not null,
            };
        }
    }

    private static async Task WriteStandardInputAsync(Process process, string? input, Task exited)
    {
        var stdin = process.StandardInput.BaseStream;
        try
        {
            if (input is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(input);
                var write = stdin.WriteAsync(bytes).AsTask();
                await Task.WhenAny(write, exited).ConfigureAwait(false);
                if (!write.IsCompleted)
                {
                    // The child exited without reading everything; observe the write's eventual failure.
                    _ = write.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                }
                else
                {
                    await write.ConfigureAwait(false);
                    await stdin.FlushAsync().ConfigureAwait(false);
                }
            }
        }
        catch (IOException)
        {
            // The child exited without reading all of its input (broken pipe): not an error of ours.
        }
        finally
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }
}
