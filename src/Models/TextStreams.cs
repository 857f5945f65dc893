namespace ProofCheck.Models;

/// <summary>How much of <paramref name="text"/>'s end could be the start of one of <paramref name="markers"/>.</summary>
internal static class PartialMatch
{
    public static int HeldBack(string text, IEnumerable<string> markers)
    {
        var longest = 0;
        foreach (var marker in markers)
        {
            for (var n = Math.Min(marker.Length - 1, text.Length); n > longest; n--)
            {
                if (text.AsSpan(text.Length - n).SequenceEqual(marker.AsSpan(0, n)))
                {
                    longest = n;
                    break;
                }
            }
        }

        return longest;
    }
}

/// <summary>
/// Cuts a streamed answer at the first stop string. Text that could be the start of a stop string is held back
/// until the next piece decides it, so a stop string is never partly shown.
/// </summary>
internal sealed class StopStringMatcher(IReadOnlyList<string>? stops)
{
    private readonly string[] stops = stops is null ? [] : [.. stops.Where(s => s.Length > 0)];
    private string pending = "";

    public bool Stopped { get; private set; }

    /// <summary>Adds a piece; returns the text that is now safe to show.</summary>
    public string Push(string piece)
    {
        if (Stopped)
        {
            return "";
        }

        if (stops.Length == 0)
        {
            return piece;
        }

        pending += piece;
        var cut = -1;
        foreach (var stop in stops)
        {
            var at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        if (cut >= 0)
        {
            Stopped = true;
            var shown = pending[..cut];
            pending = "";
            return shown;
        }

        var keep = PartialMatch.HeldBack(pending, stops);
        var safe = pending[..^keep];
        pending = pending[^keep..];
        return safe;
    }

    /// <summary>Whatever was held back, once the stream ended without a stop string.</summary>
    public string Flush()
    {
        var rest = pending;
        pending = "";
        return Stopped ? "" : rest;
    }
}

/// <summary>
/// Separates a reasoning model's <c>&lt;think&gt;…&lt;/think&gt;</c> text from its answer in a stream, holding back
/// a possible partial tag. Reasoning is stored but must never reach a checker. A closing tag with no opening one
/// (the server's template opened the block in the prompt) is never shown as answer text; in a stream, the text
/// released before it has already gone out as answer, which is why whole answers (<see cref="SplitWhole"/>) are
/// what the pipeline checks.
/// </summary>
internal sealed class ThinkTagSplitter(bool startsInThinking = false)
{
    private const string Open = "<think>";
    private const string Close = "</think>";
    private string pending = "";
    private bool thinking = startsInThinking;

    /// <summary>Adds a piece; returns (isReasoning, text) parts that are now certain, in order.</summary>
    public List<(bool Reasoning, string Text)> Push(string piece)
    {
        var parts = new List<(bool, string)>();
        pending += piece;
        if (!thinking && pending.IndexOf(Close, StringComparison.Ordinal) is var lone and >= 0
            && pending.IndexOf(Open, StringComparison.Ordinal) is var open && (open < 0 || lone < open))
        {
            Add(parts, true, pending[..lone]);
            pending = pending[(lone + Close.Length)..];
        }

        while (true)
        {
            var tag = thinking ? Close : Open;
            var at = pending.IndexOf(tag, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            Add(parts, thinking, pending[..at]);
            pending = pending[(at + tag.Length)..];
            thinking = !thinking;
        }

        var keep = PartialMatch.HeldBack(pending, [thinking ? Close : Open]);
        Add(parts, thinking, pending[..^keep]);
        pending = pending[^keep..];
        return parts;
    }

    public List<(bool Reasoning, string Text)> Flush()
    {
        var parts = new List<(bool, string)>();
        Add(parts, thinking, pending);
        pending = "";
        return parts;
    }

    /// <summary>Splits a whole answer. An answer with a closing tag but no opening one (the template opened it) is reasoning up to the tag.</summary>
    public static (string? Reasoning, string Answer) SplitWhole(string text)
    {
        var starts = !text.Contains(Open, StringComparison.Ordinal) && text.Contains(Close, StringComparison.Ordinal);
        var splitter = new ThinkTagSplitter(starts);
        var parts = splitter.Push(text);
        parts.AddRange(splitter.Flush());
        var reasoning = string.Concat(parts.Where(p => p.Reasoning).Select(p => p.Text));
        var answer = string.Concat(parts.Where(p => !p.Reasoning).Select(p => p.Text));
        return (reasoning.Length == 0 ? null : reasoning.Trim(), answer.TrimStart());
    }

    private static void Add(List<(bool, string)> parts, bool reasoning, string text)
    {
        if (text.Length > 0)
        {
            parts.Add((reasoning, text));
        }
    }
}
