using System.Text.RegularExpressions;
using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// What the real CLI's <c>--help</c> lists: its commands, found from the root's own help (so a new command is covered
/// the day it is added), and each command's options.
/// </summary>
internal static partial class CliHelp
{
    /// <summary>The commands under <paramref name="parent"/>, recursively, as "check smt"-style paths.</summary>
    public static async Task<List<string>> CommandsAsync(params string[] parent)
    {
        var (_, help) = await ProofCheckCli.RunAsync([.. parent, "--help"]);
        var section = help.IndexOf("Commands:", StringComparison.Ordinal);
        var found = new List<string>();
        if (section < 0)
        {
            return found;
        }

        foreach (Match m in CommandLine().Matches(help[section..]))
        {
            string[] path = [.. parent, m.Groups[1].Value];
            found.Add(string.Join(' ', path));
            found.AddRange(await CommandsAsync(path));
        }

        return found;
    }

    /// <summary>The lines of the help's "Options:" section that name an option.</summary>
    public static IEnumerable<string> OptionLines(string help)
    {
        var start = help.IndexOf("Options:", StringComparison.Ordinal);
        if (start < 0)
        {
            yield break;
        }

        foreach (var line in help[start..].Split('\n').Skip(1))
        {
            if (line.Trim().Length == 0 || !line.StartsWith("  ", StringComparison.Ordinal))
            {
                yield break;
            }

            if (line.TrimStart().StartsWith('-'))
            {
                yield return line;
            }
        }
    }

    /// <summary>The long names of the options that take a value ("--threads &lt;threads&gt;"), as the help shows them.</summary>
    public static IEnumerable<string> ValueOptions(string help) =>
        OptionLines(help).Select(line => ValueOption().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^  ([a-z][a-z-]*)\b", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"(--[a-z][a-z-]*) <")]
    private static partial Regex ValueOption();
}
