using System.Text;
using System.Text.Json;

namespace ProofCheck.Models.Replay;

/// <summary>Reads and appends replay files: UTF-8 JSON Lines, one <see cref="RecordedExchange"/> a line.</summary>
public static class ReplayFile
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every exchange in the file, in order (synchronous form of <see cref="LoadAsync"/>).</summary>
    public static IReadOnlyList<RecordedExchange> Load(string path) => LoadAsync(path).GetAwaiter().GetResult();

    /// <summary>Every exchange in the file, in order. Blank lines are skipped; a malformed line is an error naming it.</summary>
    public static async Task<IReadOnlyList<RecordedExchange>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new ModelException($"Replay file not found: {path}", "Record one with --record FILE, or write it by hand (one JSON exchange a line).");
        }

        var exchanges = new List<RecordedExchange>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            exchanges.Add(Parse(line, path, lineNumber));
        }

        return exchanges;
    }

    internal static RecordedExchange Parse(string line, string path, int lineNumber)
    {
        RecordedExchange? exchange;
        try
        {
            exchange = JsonSerializer.Deserialize<RecordedExchange>(line, Json);
        }
        catch (JsonException e)
        {
            throw new ModelException($"{path}:{lineNumber}: not a valid exchange: {e.Message}");
        }

        if (exchange?.Request?.Messages is not { Count: > 0 } messages || messages.Any(m => m?.Role is null || m.Text is null))
        {
            throw new ModelException($"{path}:{lineNumber}: an exchange needs \"request\" with \"messages\" (each with \"role\" and \"text\").");
        }

        if (exchange.Response?.Text is null)
        {
            throw new ModelException($"{path}:{lineNumber}: an exchange needs \"response\" with \"text\".");
        }

        var key = RequestFingerprint.Compute(exchange.Request);
        if (exchange.Key is not null && !string.Equals(exchange.Key, key, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelException(
                $"{path}:{lineNumber}: the stored key does not match the request (the request was edited after recording).",
                "Remove the \"key\" field from that line; it is recomputed from the request.");
        }

        return exchange with { Key = key };
    }

    internal static string Serialize(RecordedExchange exchange) => JsonSerializer.Serialize(exchange, Json);
}
