using Microsoft.Extensions.AI;
using ProofCheck.Models.Replay;

namespace ProofCheck.TestSupport;

/// <summary>One scripted turn: the answer, and optionally a text the request's last message must contain.</summary>
public sealed record ScriptedAnswer(string Text, string? ExpectInPrompt = null, string? Reasoning = null)
{
    public static implicit operator ScriptedAnswer(string text) => new(text);
}

/// <summary>
/// A model for tests (kept out of the Models library, which ships): answers in the scripted order, whatever is asked, except that a turn with
/// <see cref="ScriptedAnswer.ExpectInPrompt"/> fails unless the last message contains that text. Asking past the
/// end of the script, or a failed expectation, is a <see cref="ReplayMismatchException"/>. Every request is kept in
/// <see cref="Requests"/> so a test can inspect what the pipeline sent. Thread-safe.
/// </summary>
public sealed class ScriptedChatClient(params IEnumerable<ScriptedAnswer> script) : CannedChatClient
{
    private readonly ScriptedAnswer[] script = [.. script];
    private readonly List<IReadOnlyList<ChatMessage>> requests = [];
    private readonly Lock gate = new();

    /// <summary>The messages of every request so far, in order.</summary>
    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>How many scripted answers have not been asked for yet.</summary>
    public int Remaining
    {
        get
        {
            lock (gate)
            {
                return script.Length - requests.Count;
            }
        }
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        ScriptedAnswer answer;
        int turn;
        lock (gate)
        {
            turn = requests.Count;
            if (turn >= script.Length)
            {
                throw new ReplayMismatchException($"The script has {script.Length} answer(s) and answer {turn + 1} was asked for.");
            }

            requests.Add(list);
            answer = script[turn];
        }

        var last = list.Count == 0 ? "" : RequestFingerprint.Text(list[^1]);
        if (answer.ExpectInPrompt is { } expected && !last.Contains(expected, StringComparison.Ordinal))
        {
            throw new ReplayMismatchException($"Scripted turn {turn + 1} expected the prompt to contain \"{expected}\"; it was \"{last}\".");
        }

        return Task.FromResult(new RecordedResponse(answer.Text, answer.Reasoning, "stop", "scripted").ToChatResponse());
    }
}
