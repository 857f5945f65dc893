using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Replay;

/// <summary>
/// A stable key for a chat request: SHA-256 over a canonical form of the messages (role and text) and the options
/// that change what a model answers (sampling settings, seed, max tokens, stop strings, response format, grammar).
/// The model id is deliberately left out so a recording can be replayed under any name; reasoning content in
/// earlier turns is left out because it is never fed back to a model.
/// </summary>
public static class RequestFingerprint
{
    public static string Compute(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Compute(RecordedRequest.From(messages, options));
    }

    public static string Compute(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(json, request);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    // Written by hand in a fixed order so the hash cannot change with serializer settings or property order.
    private static void WriteCanonical(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartObject();
        json.WriteStartArray("messages");
        foreach (var m in request.Messages)
        {
            json.WriteStartArray();
            json.WriteStringValue(m.Role);
            json.WriteStringValue(m.Text);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        if (request.Options is { } o)
        {
            json.WriteStartObject("options");
            Write(json, "temperature", o.Temperature);
            Write(json, "topP", o.TopP);
            Write(json, "topK", o.TopK);
            Write(json, "minP", o.MinP);
            Write(json, "repetitionPenalty", o.RepetitionPenalty);
            Write(json, "frequencyPenalty", o.FrequencyPenalty);
            Write(json, "presencePenalty", o.PresencePenalty);
            Write(json, "seed", o.Seed);
            Write(json, "maxOutputTokens", o.MaxOutputTokens);
            if (o.Stop is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop");
                foreach (var s in stops)
                {
                    json.WriteStringValue(s);
                }

                json.WriteEndArray();
            }

            if (o.ResponseFormat is not null)
            {
                json.WriteString("responseFormat", o.ResponseFormat);
            }

            if (o.Grammar is not null)
            {
                json.WriteString("grammar", o.Grammar);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, string name, float? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void Write(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static string Text(ChatMessage message)
    {
        var text = new StringBuilder();
        foreach (var c in message.Contents)
        {
            if (c is TextContent t)
            {
                text.Append(t.Text);
            }
        }

        return text.ToString();
    }
}
