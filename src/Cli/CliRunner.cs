using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Execution;
using Spectre.Console;

namespace ProofCheck.Cli;

/// <summary>
/// Runs the parsed command and turns the failures a user can meet into one clear line and an exit code,
/// never a stack trace: bad input is 2, a missing checker is 3.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        try
        {
            // Our handler below, not System.CommandLine's (which prints a stack trace), turns exceptions into messages.
            var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
            return parse.Errors.Count > 0 ? ExitCodes.BadInput : code;
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    public static int Report(Exception e)
    {
        var err = Terminal.Errors();
        switch (e)
        {
            case CheckerUnavailableException u:
                err.MarkupLine($"[red]error:[/] {Markup.Escape(u.Message)}");
                if (u.Advice is not null)
                {
                    err.MarkupLine($"[yellow]hint:[/] {Markup.Escape(u.Advice)}");
                }

                return ExitCodes.CheckerUnavailable;
            case UserInputException or FileNotFoundException or DirectoryNotFoundException or ProcessStartException:
                err.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                err.MarkupLine("[yellow]cancelled[/]");
                return 130;
            default:
                err.MarkupLine($"[red]internal error:[/] {Markup.Escape(e.GetType().Name)}: {Markup.Escape(e.Message)}");
                err.MarkupLine("Please report this with the command you ran.");
                return 70;
        }
    }
}
