using System.Text.Json;

namespace ProofCheck.LeanBridge.Messages;

/// <summary>Reads the stdout of <c>lean --json</c>: one compact JSON object per line; an empty output means a clean file.</summary>
public static class LeanJsonOutput
{
    /// <summary>The messages, and every line that was not a message object (kept, never silently dropped).</summary>
    public static (IReadOnlyList<LeanMessage> Messages, IReadOnlyList<string> OtherLines) Parse(string stdout)
    {
        var messages = new List<LeanMessage>();
        var other = new List<string>();
        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                if (LeanMessage.FromJson(doc.RootElement) is { } m)
                {
                    messages.Add(m);
                }
                else if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("isSilent", out _))
                {
                    other.Add(line);
                }
            }
            catch (JsonException)
            {
                other.Add(line);
            }
        }

        return (messages, other);
    }
}
