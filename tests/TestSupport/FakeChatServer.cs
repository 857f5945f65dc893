using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProofCheck.TestSupport;

/// <summary>
/// A real HTTP server on loopback that plays a model server for tests: OpenAI's chat-completions wire format (JSON
/// answers, SSE streams ending in <c>data: [DONE]</c>, OpenAI-style error bodies) and Ollama's own API (NDJSON
/// chat streams with thinking apart, model listing, pull progress). Each request takes the next scripted reply (the
/// last one repeats); every request is kept with its path, body and Authorization header.
/// </summary>
public sealed class FakeChatServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly List<Func<HttpListenerResponse, Task>> replies = [];
    private readonly Task loop;
    private int served;

    public FakeChatServer(params Func<HttpListenerResponse, Task>[] replies)
    {
        this.replies.AddRange(replies);
        var port = FreePort();
        Root = new Uri($"http://127.0.0.1:{port}/");
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The OpenAI-compatible base URL (ending in /v1).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server's root, where Ollama's API lives (/api/...).</summary>
    public Uri Root { get; }

    public ConcurrentQueue<(string Body, string? Authorization)> Requests { get; } = new();

    /// <summary>The paths asked for, in order.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    /// <param name="finishReason">Why the model stopped: "stop", or "length" for an answer cut at the token limit.</param>
    /// <param name="completionTokens">The completion tokens the answer reports in its usage.</param>
    public static Func<HttpListenerResponse, Task> Json(
        string content, string? reasoningContent = null, string finishReason = "stop", int completionTokens = 7) => r =>
    {
        var message = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content };
        if (reasoningContent is not null)
        {
            message["reasoning_content"] = reasoningContent;
        }

        return Write(r, 200, "application/json", JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message, finish_reason = finishReason } },
            usage = new { prompt_tokens = 11, completion_tokens = completionTokens, total_tokens = 11 + completionTokens },
        }));
    };

    public static Func<HttpListenerResponse, Task> Stream(params string[] pieces) => StreamWithPause(TimeSpan.Zero, pieces);

    /// <summary>Sends the first piece, waits <paramref name="pause"/>, then the rest (a server that stalls mid-answer).</summary>
    public static Func<HttpListenerResponse, Task> StreamWithPause(TimeSpan pause, params string[] pieces) => async r =>
    {
        r.StatusCode = 200;
        r.ContentType = "text/event-stream";
        r.SendChunked = true;
        var output = r.OutputStream;
        async Task Event(string data)
        {
            var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
            await output.WriteAsync(bytes);
            await output.FlushAsync();
        }

        for (var i = 0; i < pieces.Length; i++)
        {
            if (i == 1 && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }

            await Event(Chunk(new { content = pieces[i] }, null, null));
        }

        await Event(Chunk(new { }, "stop", null));
        await Event(Chunk(null, null, new { prompt_tokens = 11, completion_tokens = pieces.Length, total_tokens = 11 + pieces.Length }));
        await Event("[DONE]");
        r.Close();
    };

    public static Func<HttpListenerResponse, Task> Error(int status, string message, string? retryAfter = null) => r =>
    {
        if (retryAfter is not null)
        {
            r.AddHeader("Retry-After", retryAfter);
        }

        return Write(r, status, "application/json", JsonSerializer.Serialize(new { error = new { message, type = "test_error", code = (string?)null } }));
    };

    public static Func<HttpListenerResponse, Task> Slow(TimeSpan delay) => async r =>
    {
        await Task.Delay(delay);
        await Json("too late")(r);
    };

    /// <summary>A 200 with any body and content type: a proxy's HTML page, an empty choices list, a server that ignores "stream".</summary>
    public static Func<HttpListenerResponse, Task> Raw(string body, string contentType = "application/json") => r => Write(r, 200, contentType, body);

    /// <summary>Ollama's /api/chat stream: one NDJSON line per piece, thinking in its own field, then a done line with counts.</summary>
    public static Func<HttpListenerResponse, Task> OllamaChat(string[] thinking, string[] content) => async r =>
    {
        r.StatusCode = 200;
        r.ContentType = "application/x-ndjson";
        r.SendChunked = true;
        async Task Line(object value)
        {
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value) + "\n");
            await r.OutputStream.WriteAsync(bytes);
            await r.OutputStream.FlushAsync();
        }

        foreach (var t in thinking)
        {
            await Line(new { model = "qwen3", created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = "", thinking = t }, done = false });
        }

        foreach (var c in content)
        {
            await Line(new { model = "qwen3", created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = c }, done = false });
        }

        await Line(new
        {
            model = "qwen3",
            created_at = "2026-01-01T00:00:00Z",
            message = new { role = "assistant", content = "" },
            done = true,
            done_reason = "stop",
            prompt_eval_count = 12,
            eval_count = thinking.Length + content.Length,
        });
        r.Close();
    };

    /// <summary>Ollama's /api/tags: the models it has.</summary>
    public static Func<HttpListenerResponse, Task> OllamaTags(params string[] names) => r => Write(r, 200, "application/json", JsonSerializer.Serialize(new
    {
        models = names.Select(n => new { name = n, model = n, modified_at = "2026-01-01T00:00:00Z", size = 1_000_000L, digest = "sha256:0" }).ToArray(),
    }));

    /// <summary>Ollama's /api/pull stream: status lines with byte counts, then "success".</summary>
    public static Func<HttpListenerResponse, Task> OllamaPull(long total) => async r =>
    {
        r.StatusCode = 200;
        r.ContentType = "application/x-ndjson";
        r.SendChunked = true;
        foreach (var line in new object[]
        {
            new { status = "pulling manifest" },
            new { status = "pulling 0123", digest = "sha256:0123", total, completed = total / 2 },
            new { status = "pulling 0123", digest = "sha256:0123", total, completed = total },
            new { status = "success" },
        })
        {
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line) + "\n");
            await r.OutputStream.WriteAsync(bytes);
            await r.OutputStream.FlushAsync();
        }

        r.Close();
    };

    /// <summary>An Ollama-style error: {"error": "..."} with a status.</summary>
    public static Func<HttpListenerResponse, Task> OllamaError(int status, string message) =>
        r => Write(r, status, "application/json", JsonSerializer.Serialize(new { error = message }));

    public int Served => served;

    public void Dispose()
    {
        listener.Stop();
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // .NET's managed HttpListener looks its endpoint up again while closing and can fail with "address in
            // use" when another test has meanwhile bound the freed port; the listener is stopped either way.
        }

        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under the loop; that is how it ends.
        }
    }

    private static string Chunk(object? delta, string? finish, object? usage) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-2",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "test-model",
        choices = delta is null ? Array.Empty<object>() : [new { index = 0, delta, finish_reason = finish }],
        usage,
    });

    private static async Task Write(HttpListenerResponse r, int status, string type, string body)
    {
        r.StatusCode = status;
        r.ContentType = type;
        var bytes = Encoding.UTF8.GetBytes(body);
        r.ContentLength64 = bytes.Length;
        await r.OutputStream.WriteAsync(bytes);
        r.Close();
    }

    /// <summary>A loopback port nothing listens on (for "server not running" tests).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["Authorization"]));
            Paths.Enqueue(context.Request.Url?.AbsolutePath ?? "");
            var n = Interlocked.Increment(ref served) - 1;
            var reply = replies[Math.Min(n, replies.Count - 1)];
            _ = Task.Run(async () =>
            {
                try
                {
                    await reply(context.Response);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client went away (a timeout test); nothing to answer.
                }
            });
        }
    }
}
