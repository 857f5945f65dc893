using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>One answer the loopback server gives: its text, the finish reason and the completion tokens it reports.</summary>
internal sealed record LoopbackReply(string Content, string FinishReason = "stop", int CompletionTokens = 10);

/// <summary>
/// A minimal OpenAI-compatible chat server on 127.0.0.1 that plays a misbehaving model for tests (no real model server
/// exists here): it answers each POST .../chat/completions with the next scripted reply, streamed as server-sent events
/// when the request asks for a stream, and keeps every request body so a test can see what was sent.
/// </summary>
internal sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<int, LoopbackReply> replies;
    private readonly List<JsonObject> requests = [];
    private readonly Task loop;

    public LoopbackModelServer(Func<int, LoopbackReply> replies)
    {
        this.replies = replies;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>The model spec for <c>--model</c>.</summary>
    public string Spec => BaseUrl + "#fake";

    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (HttpListenerException)
        {
            // The listener was stopped while waiting for a request: the normal end.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            try
            {
                await AnswerAsync(context);
            }
            catch (HttpListenerException)
            {
                // The client went away mid-answer.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        int turn;
        lock (requests)
        {
            turn = requests.Count;
            requests.Add(body);
        }

        var reply = replies(turn);
        var usage = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = reply.CompletionTokens, ["total_tokens"] = 10 + reply.CompletionTokens };
        var response = context.Response;
        if (body["stream"]?.GetValue<bool>() == true)
        {
            response.ContentType = "text/event-stream";
            await using var writer = new StreamWriter(response.OutputStream, new UTF8Encoding(false));
            await Event(writer, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = reply.Content }, null));
            await Event(writer, Chunk(new JsonObject(), reply.FinishReason));
            var last = Chunk(null, null);
            last["usage"] = usage;
            await Event(writer, last);
            await writer.WriteAsync("data: [DONE]\n\n");
        }
        else
        {
            response.ContentType = "application/json";
            var whole = new JsonObject
            {
                ["id"] = "loopback", ["object"] = "chat.completion", ["created"] = 0, ["model"] = "fake",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["finish_reason"] = reply.FinishReason,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                }),
                ["usage"] = usage,
            };
            var bytes = Encoding.UTF8.GetBytes(whole.ToJsonString());
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    private static JsonObject Chunk(JsonObject? delta, string? finish) => new()
    {
        ["id"] = "loopback", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = "fake",
        ["choices"] = delta is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task Event(StreamWriter writer, JsonObject data)
    {
        await writer.WriteAsync("data: " + data.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n\n");
        await writer.FlushAsync();
    }
}
