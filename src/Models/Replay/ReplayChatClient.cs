using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Replay;

/// <summary>
/// Answers from recorded exchanges, matched by <see cref="RequestFingerprint"/>. A request recorded n times is
/// answered with its n recorded answers in order (several samples of the same prompt); an unknown request, or one
/// asked more often than it was recorded, is a <see cref="ReplayMismatchException"/> — never an empty answer.
/// Thread-safe.
/// </summary>
public sealed class ReplayChatClient : CannedChatClient
{
    private readonly Dictionary<string, Queue<RecordedResponse>> answers;
    private readonly Dictionary<string, int> recordedCounts;
    private readonly string source;
    private readonly Lock gate = new();

    public ReplayChatClient(IEnumerable<RecordedExchange> exchanges, string source = "the replay")
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        this.source = source;
        answers = new Dictionary<string, Queue<RecordedResponse>>(StringComparer.Ordinal);
        foreach (var e in exchanges)
        {
            var key = RequestFingerprint.Compute(e.Request);
            if (!answers.TryGetValue(key, out var queue))
            {
                answers[key] = queue = new Queue<RecordedResponse>();
            }

            queue.Enqueue(e.Response);
        }

        recordedCounts = answers.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
    }

    public static async Task<ReplayChatClient> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        new(await ReplayFile.LoadAsync(path, cancellationToken).ConfigureAwait(false), path);

    /// <summary>How many recorded answers have not been asked for yet.</summary>
    public int Remaining
    {
        get
        {
            lock (gate)
            {
                return answers.Values.Sum(q => q.Count);
            }
        }
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Next(messages, options).ToChatResponse());
    }

    private RecordedResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var key = RequestFingerprint.Compute(list, options);
        lock (gate)
        {
            if (answers.TryGetValue(key, out var queue) && queue.TryDequeue(out var response))
            {
                return response;
            }
        }

        var times = recordedCounts.GetValueOrDefault(key);
        var last = list.Count == 0 ? "" : RequestFingerprint.Text(list[^1]);
        var preview = last.Length > 80 ? last[..80] + "…" : last;
        throw new ReplayMismatchException(
            times == 0
                ? $"{source} has no answer for this request (key {key[..12]}, last message \"{preview}\")."
                : $"{source} recorded this request {times} time(s) and all its answers were used (key {key[..12]}).",
            "A replay answers only requests recorded with exactly the same messages and options; record again with the changed prompts.");
    }
}
