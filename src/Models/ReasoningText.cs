using System.Text;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models;

/// <summary>
/// The model's thinking, which every backend returns as <see cref="TextReasoningContent"/> beside the answer's
/// <see cref="TextContent"/>. <see cref="ChatResponse.Text"/> holds only the answer, so what reaches a checker
/// never includes reasoning; this reads the reasoning back for storage.
/// </summary>
public static class ReasoningText
{
    public static string? Of(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = new StringBuilder();
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is TextReasoningContent r)
                {
                    text.Append(r.Text);
                }
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
