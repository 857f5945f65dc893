using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProofCheck.Execution;

namespace ProofCheck.LeanBridge.Repl;

/// <summary>The REPL process died or broke the protocol; the session is unusable and must be replaced.</summary>
public sealed class ReplFailedException(string message) : Exception(message);

/// <summary>A request took longer than its limit; the REPL (which has no timeout of its own) was killed.</summary>
public sealed class ReplTimeoutException(TimeSpan limit) : Exception($"The Lean REPL did not answer within {limit.TotalSeconds:0.#} s; it was killed.");

/// <summary>
/// One long-lived <c>repl</c> process (leanprover-community/repl) that has already run one import header: every
/// check runs on top of that environment. Protocol: one JSON object on one line followed by one blank line; the
/// answer is one (pretty-printed) JSON value ended by a blank line.
/// </summary>
public sealed class ReplSession : IPooledSession
{
    private readonly InteractiveProcess process;
    private readonly string workDirectory;

    private ReplSession(InteractiveProcess process, string header, string workDirectory)
    {
        this.process = process;
        this.workDirectory = workDirectory;
        Header = header;
    }

    public string Header { get; }

    /// <summary>The environment id the header produced; every check is sent against it.</summary>
    public int HeaderEnvironment { get; private set; }

    public DateTimeOffset LastUsed { get; internal set; } = DateTimeOffset.UtcNow;

    public int Uses { get; private set; }

    public bool IsAlive => !process.HasExited;

    bool IPooledSession.IsUsable => IsAlive;

    /// <summary>
    /// Starts the REPL in a fresh work folder (deleted when the session ends) and pays for the header
    /// (e.g. <c>import Mathlib</c>) once.
    /// </summary>
    public static async Task<ReplSession> StartAsync(Func<string, ProcessCommand> command, string header, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var work = TempFolders.Create("repl-").FullName;
        InteractiveProcess process;
        try
        {
            process = InteractiveProcess.Start(command(work));
        }
        catch
        {
            Directory.Delete(work, recursive: true);
            throw;
        }

        var session = new ReplSession(process, header, work);
        try
        {
            var answer = await session.SendAsync(new JsonObject { ["cmd"] = header }, timeout, cancellationToken).ConfigureAwait(false);
            if (answer["env"]?.GetValueKind() != JsonValueKind.Number)
            {
                throw new ReplFailedException($"The Lean REPL could not run the import header: {answer.ToJsonString()}");
            }

            if (answer["messages"] is JsonArray messages && messages.Any(m => (string?)m?["severity"] == "error"))
            {
                throw new ReplFailedException($"The import header failed in the Lean REPL: {messages.ToJsonString()}");
            }

            session.HeaderEnvironment = answer["env"]!.GetValue<int>();
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> (a file without its imports) on the header's environment.</summary>
    public Task<JsonNode> CheckAsync(string body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Uses++;
        LastUsed = DateTimeOffset.UtcNow;
        return SendAsync(new JsonObject { ["cmd"] = body, ["env"] = HeaderEnvironment }, timeout, cancellationToken);
    }

    /// <summary>Sends one request and reads exactly one response; kills the process on timeout, death or garbage.</summary>
    public async Task<JsonNode> SendAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            // Raw newlines inside the command would be joined by the REPL's line reader; JSON escapes them.
            await process.WriteAsync(request.ToJsonString() + "\n\n", linked.Token).ConfigureAwait(false);
            var response = new StringBuilder();
            while (true)
            {
                var line = await process.ReadLineAsync(linked.Token).ConfigureAwait(false);
                if (line is null)
                {
                    process.Kill();
                    var err = process.RecentStandardError.Trim();
                    throw new ReplFailedException($"The Lean REPL exited{(process.ExitCode is { } code ? $" with code {code}" : string.Empty)} before answering{(err.Length > 0 ? ": " + Tail(err) : string.Empty)}.");
                }

                if (line.Trim().Length == 0)
                {
                    if (response.Length == 0)
                    {
                        continue;
                    }

                    break;
                }

                response.Append(line).Append('\n');
            }

            try
            {
                return JsonNode.Parse(response.ToString()) ?? throw new ReplFailedException("The Lean REPL answered null.");
            }
            catch (JsonException e)
            {
                process.Kill();
                throw new ReplFailedException($"The Lean REPL answered something that is not JSON ({e.Message}): {Tail(response.ToString())}");
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new ReplTimeoutException(timeout);
        }
        catch (IOException e)
        {
            process.Kill();
            throw new ReplFailedException($"The Lean REPL is gone: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; the verdicts are what matter.
        }
    }

    private static string Tail(string text) => text.Length > 400 ? "…" + text[^400..] : text;
}
