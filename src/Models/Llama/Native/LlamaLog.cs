using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProofCheck.Models.Llama.Native;

/// <summary>
/// Receives llama.cpp's and ggml's log (one global callback) and forwards whole lines to <see cref="Logger"/>,
/// which discards them unless a caller sets one. Error lines are also kept per thread while a model loads, so a
/// failed load can say why (unknown architecture, truncated file) instead of "failed".
/// </summary>
internal static unsafe class LlamaLog
{
    private const int Cont = 5;

    [ThreadStatic]
    private static StringBuilder? pending;

    [ThreadStatic]
    private static int lastLevel;

    [ThreadStatic]
    private static List<string>? capture;

    public static ILogger Logger { get; set; } = NullLogger.Instance;

    public static delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> Callback => &OnLog;

    /// <summary>Starts keeping warning and error lines logged on this thread; returns them when disposed.</summary>
    public static List<string> BeginCapture() => capture = [];

    public static void EndCapture() => capture = null;

    private static LogLevel ToLogLevel(int level) => level switch
    {
        1 => LogLevel.Trace,
        2 => LogLevel.Debug,
        3 => LogLevel.Warning,
        4 => LogLevel.Error,
        _ => LogLevel.Debug,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, IntPtr userData)
    {
        try
        {
            if (level != Cont)
            {
                lastLevel = level;
            }

            // Most lines are debug chatter nobody listens to; skip them before touching the text.
            if (capture is null && pending is not { Length: > 0 } && !Logger.IsEnabled(ToLogLevel(lastLevel)))
            {
                return;
            }

            var piece = Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
            pending ??= new StringBuilder();
            pending.Append(piece);
            if (!piece.EndsWith('\n'))
            {
                return;
            }

            var line = pending.ToString().TrimEnd('\n');
            pending.Clear();
            if (line.Length == 0 || line.All(c => c == '.'))
            {
                return;
            }

            if (lastLevel >= 3)
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
