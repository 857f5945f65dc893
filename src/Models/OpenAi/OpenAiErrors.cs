using System.ClientModel;
using System.Globalization;
using System.Net;

namespace ProofCheck.Models.OpenAi;

/// <summary>Which failures are worth another attempt, how long to wait, and what to tell the user otherwise.</summary>
internal static class OpenAiErrors
{
    public static bool IsTransient(Exception e) => e switch
    {
        ClientResultException c => c.Status is 408 or 429 or >= 500 || (c.Status == 0 && c.InnerException is HttpRequestException or IOException),
        HttpRequestException or IOException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>The server's Retry-After (seconds or an HTTP date), if it sent one.</summary>
    public static TimeSpan? RetryAfter(Exception e)
    {
        if (e is not ClientResultException c || c.GetRawResponse() is not { } response || !response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    public static ModelException Explain(Exception e, OpenAiEndpoint endpoint, int attempts)
    {
        var where = $"{endpoint.BaseUrl}";
        switch (e)
        {
            case ClientResultException { Status: (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden } c:
                return new ModelException(
                    $"{where} refused the API key (HTTP {c.Status}).",
                    endpoint.ReadApiKey() is null
                        ? $"Set {endpoint.ApiKeyVariable} to a valid key."
                        : $"Check the key in {endpoint.ApiKeyVariable}; it was sent and rejected.",
                    e);
            case ClientResultException { Status: (int)HttpStatusCode.NotFound } c:
                return new ModelException(
                    $"{where} answered 404 for model \"{endpoint.Model}\": {Detail(c)}",
                    "Check the model name (for Ollama: `ollama list`, then `ollama pull NAME`) and that the URL ends in /v1.",
                    e);
            case ClientResultException { Status: 0 } c:
                // No HTTP status: the connection itself failed (refused, reset, DNS).
                return new ModelException($"Could not reach {where} after {attempts} attempt(s): {c.InnerException?.Message ?? c.Message}", "Check that the server is running (for Ollama: `ollama serve`) and the URL.", e);
            case ClientResultException c when IsTransient(c):
                return new ModelException($"{where} kept failing (HTTP {c.Status}: {Detail(c)}) after {attempts} attempt(s).", "Try again later, or raise the retry count.", e);
            case ClientResultException c:
                return new ModelException($"{where} rejected the request (HTTP {c.Status}): {Detail(c)}", null, e);
            case TimeoutException:
                return new ModelException($"{where} gave no answer within {endpoint.Timeout.TotalSeconds:0.#} s (after {attempts} attempt(s)).", "Raise the timeout, or check that the server is running.", e);
            case ArgumentOutOfRangeException or IndexOutOfRangeException:
                // The OpenAI package reads the first choice; an empty "choices" list fails there.
                return new ModelException($"{where} sent no answer (an empty list of choices).", "Try again; if it persists, check the server's log.", e);
            case System.Text.Json.JsonException or FormatException:
                return new ModelException(
                    $"{where} answered with something that is not a chat-completions answer ({e.Message})",
                    "Check that the URL is the server's OpenAI-compatible base; it usually ends in /v1.",
                    e);
            case HttpRequestException or IOException:
                return new ModelException($"Could not reach {where} after {attempts} attempt(s): {e.Message}", "Check that the server is running (for Ollama: `ollama serve`) and the URL.", e);
            default:
                return new ModelException($"{where}: {e.Message}", null, e);
        }
    }

    private static string Detail(ClientResultException c)
    {
        var body = c.GetRawResponse()?.Content?.ToString();
        if (string.IsNullOrWhiteSpace(body))
        {
            return c.Message;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind == System.Text.Json.JsonValueKind.Object && error.TryGetProperty("message", out var m)
                    ? m.GetString() ?? body
                    : error.ToString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: show the body as it is, shortened.
        }

        return body.Length > 200 ? body[..200] + "…" : body;
    }
}
