using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Replay;

/// <summary>
/// A client whose answers exist in full before they are asked for (replayed or scripted): streaming is the whole
/// answer cut into updates, and there is nothing to dispose.
/// </summary>
public abstract class CannedChatClient : IChatClient
{
    public abstract Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
    }
}
