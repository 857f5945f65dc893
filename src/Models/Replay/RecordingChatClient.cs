using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Replay;

/// <summary>
/// Passes every request to an inner client and appends the exchange to a replay file once the answer is complete,
/// so a run can later be replayed with <see cref="ReplayChatClient"/>. Each line is flushed as it is written; a
/// failed or cancelled request writes nothing. Thread-safe.
/// </summary>
public sealed class RecordingChatClient : DelegatingChatClient
{
    private readonly StreamWriter writer;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public RecordingChatClient(IChatClient inner, string path)
        : base(inner)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        FilePath = path;
    }

    public string FilePath { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var request = RecordedRequest.From(list, options);
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await AppendAsync(request, response).ConfigureAwait(false);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var request = RecordedRequest.From(list, options);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        await AppendAsync(request, updates.ToChatResponse()).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writer.Dispose();
            writeGate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task AppendAsync(RecordedRequest request, ChatResponse response)
    {
        var line = ReplayFile.Serialize(new RecordedExchange(RequestFingerprint.Compute(request), request, RecordedResponse.From(response)));
        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await writer.WriteLineAsync(line).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }
}
