using Spectre.Console;

namespace ProofCheck.Cli;

/// <summary>
/// Spectre.Console decides on colours from TERM alone, so `proofcheck ... > report.txt` under an xterm would fill the
/// file with escape codes. Output that is not a terminal (or any output when NO_COLOR is set) gets plain text.
/// </summary>
internal static class Terminal
{
    public static void Configure()
    {
        if (Console.IsOutputRedirected || NoColorRequested)
        {
            AnsiConsole.Console = Plain(Console.Out);
        }

        // Without a terminal Spectre assumes 80 columns and wraps ids and paths inside tables; a file or a pipe has
        // no width, so tables get room (COLUMNS still wins when set).
        if (Console.IsOutputRedirected && !int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out _))
        {
            AnsiConsole.Console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>The console for messages on stderr, plain under the same rules as stdout.</summary>
    public static IAnsiConsole Errors()
    {
        if (!Console.IsErrorRedirected && !NoColorRequested)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        }

        var plain = Plain(Console.Error);
        // A message in a log or a pipe is not wrapped at 80 columns: a path or a command to copy stays on one line.
        if (Console.IsErrorRedirected)
        {
            plain.Profile.Width = UnwrappedWidth;
        }

        return plain;
    }

    private const int UnwrappedWidth = 4096;

    private const int RedirectedWidth = 160;

    private static bool NoColorRequested => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });
}
