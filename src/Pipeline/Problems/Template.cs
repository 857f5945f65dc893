using System.Text.RegularExpressions;

namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// Fills <c>{{name}}</c> placeholders in a variant template. Values are single lines, so line N of the result is
/// line N of the template and a checker's error on a generated file points at the right template line.
/// </summary>
internal static partial class Template
{
    /// <summary>The names used in <paramref name="text"/>, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Expands the template; a placeholder without a value is reported (with its line) and left as is.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> values, string file, List<ProblemError> errors)
    {
        return Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            var (line, column) = Position(text, m.Index);
            errors.Add(new ProblemError(file, $"placeholder {{{{{name}}}}} has no value in this parameter set (known: {string.Join(", ", values.Keys)})", line, column));
            return m.Value;
        });
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
