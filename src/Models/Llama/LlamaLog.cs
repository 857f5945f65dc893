using System.Text;
using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProofCheck.Models.Llama;

/// <summary>
/// Receives llama.cpp's and ggml's log (one global callback) and forwards whole lines to <see cref="Logger"/>,
/// which discards them unless a caller sets one. Warning and error lines are also kept per thread while a model
/// loads or a grammar parses, so a failure can say why (unknown architecture, truncated file) instead of "failed".
/// </summary>
internal static class LlamaLog
{
    [ThreadStatic]
    private static StringBuilder? pending;

    [ThreadStatic]
    private static LLamaLogLevel lastLevel;

    [ThreadStatic]
    private static List<string>? capture;

    public static ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Starts keeping warning and error lines logged on this thread; <see cref="EndCapture"/> stops.</summary>
    public static List<string> BeginCapture() => capture = [];

    public static void EndCapture() => capture = null;

    private static LogLevel ToLogLevel(LLamaLogLevel level) => level switch
    {
        LLamaLogLevel.Debug => LogLevel.Trace,
        LLamaLogLevel.Info => LogLevel.Debug,
        LLamaLogLevel.Warning => LogLevel.Warning,
        LLamaLogLevel.Error => LogLevel.Error,
        _ => LogLevel.Debug,
    };

    public static void OnLog(LLamaLogLevel level, string text)
    {
        try
        {
            if (level != LLamaLogLevel.Continue)
            {
                lastLevel = level;
            }

            // Most lines are debug chatter nobody listens to; skip them before building strings.
            if (capture is null && pending is not { Length: > 0 } && !Logger.IsEnabled(ToLogLevel(lastLevel)))
            {
                return;
            }

            pending ??= new StringBuilder();
            pending.Append(text);
            if (!text.EndsWith('\n'))
            {
                return;
            }

            var line = pending.ToString().TrimEnd('\n');
            pending.Clear();
            if (line.Length == 0 || line.All(c => c == '.'))
            {
                return;
            }

            if (lastLevel is LLamaLogLevel.Warning or LLamaLogLevel.Error)
            {
                capture?.Add(line);
            }

            var logLevel = ToLogLevel(lastLevel);
            if (Logger.IsEnabled(logLevel))
            {
                Logger.Log(logLevel, "llama.cpp: {Line}", line);
            }
        }
        catch
        {
            // An exception must never unwind into native code.
        }
    }
}
