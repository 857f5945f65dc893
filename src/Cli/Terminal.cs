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

        // COLUMNS wins over what the terminal reports (Spectre itself never reads it). Without a terminal Spectre
        // assumes 80 columns and wraps ids and paths inside tables; a file or a pipe has no width, so tables get room.
        if (Columns is { } columns)
        {
            AnsiConsole.Console.Profile.Width = columns;
        }
        else if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>The width the user set with COLUMNS, when it is a sensible number.</summary>
    private static int? Columns =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) && c is >= 20 and <= UnwrappedWidth ? c : null;

    /// <summary>The console for messages on stderr, plain under the same rules as stdout.</summary>
    public static IAnsiConsole Errors()
    {
        var errors = !Console.IsErrorRedirected && !NoColorRequested
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            : Plain(Console.Error);
        if (Columns is { } columns)
        {
            errors.Profile.Width = columns;
        }
        else if (Console.IsErrorRedirected)
        {
            // A message in a log or a pipe is not wrapped at 80 columns: a path or a command to copy stays on one line.
            errors.Profile.Width = UnwrappedWidth;
        }

        return errors;
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
