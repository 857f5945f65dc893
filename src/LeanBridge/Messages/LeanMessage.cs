using System.Text.Json;
using System.Text.RegularExpressions;
using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Messages;

/// <summary>
/// One message from <c>lean --json</c> or the REPL. <see cref="Line"/> is 1-based and <see cref="Column"/> 0-based in
/// code points, exactly as Lean reports them; <see cref="Kind"/> is absent before Lean ≈ v4.15.
/// </summary>
public sealed partial record LeanMessage(DiagnosticSeverity Severity, int Line, int Column, string Data)
{
    public int? EndLine { get; init; }

    public int? EndColumn { get; init; }

    public string? Kind { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>"declaration uses 'sorry'" in any version's wording, or the hasSorry tag.</summary>
    public bool IsSorryWarning => Kind == "hasSorry" || SorryText().IsMatch(Data);

    /// <summary>A deterministic (heartbeat) or kernel timeout, in any version's wording or by the runtime.maxHeartbeats tag.</summary>
    public bool IsHeartbeatTimeout => Kind == "runtime.maxHeartbeats" || HeartbeatText().IsMatch(Data);

    /// <summary>
    /// The goal state carried by the message (unsolved goals, a failing tactic): everything after the first line once the
    /// text shows a turnstile. Null when there is none.
    /// </summary>
    public string? Goal
    {
        get
        {
            var newline = Data.IndexOf('\n', StringComparison.Ordinal);
            return newline >= 0 && Data.Contains('⊢', StringComparison.Ordinal) ? Data[(newline + 1)..].Trim('\n') : null;
        }
    }

    /// <summary>The first line of the message (the goal, if any, is kept apart).</summary>
    public string Headline => Goal is null ? Data : Data[..Data.IndexOf('\n', StringComparison.Ordinal)];

    [GeneratedRegex(@"declaration uses ['`‘’]?sorry['`‘’]?", RegexOptions.IgnoreCase)]
    private static partial Regex SorryText();

    [GeneratedRegex(@"maximum number of heartbeats|deterministic\)? timeout", RegexOptions.IgnoreCase)]
    private static partial Regex HeartbeatText();

    /// <summary>Reads one message object from <c>lean --json</c> (key order and optional fields vary by version) or the REPL.</summary>
    public static LeanMessage? FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("data", out var data))
        {
            return null;
        }

        if (e.TryGetProperty("isSilent", out var silent) && silent.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        var severity = e.TryGetProperty("severity", out var s) ? s.GetString() : "error";
        var (line, column) = Position(e, "pos") ?? (1, 0);
        var end = Position(e, "endPos");
        return new LeanMessage(
            severity switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Information,
            },
            line,
            column,
            data.ValueKind == JsonValueKind.String ? data.GetString() ?? string.Empty : data.ToString())
        {
            EndLine = end?.Line,
            EndColumn = end?.Column,
            Kind = e.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null,
        };
    }

    private static (int Line, int Column)? Position(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("line", out var l) && p.TryGetProperty("column", out var c)
            && l.TryGetInt32(out var line) && c.TryGetInt32(out var column)
            ? (line, column)
            : null;
}
