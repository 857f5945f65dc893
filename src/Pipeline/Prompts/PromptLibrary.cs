using System.Text;
using System.Text.RegularExpressions;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Prompts;

/// <summary>
/// The prompt templates a run uses: Markdown files with <c>{{name}}</c> placeholders. The shipped set lives in
/// <c>Prompts/</c> beside the program; a user's <c>--prompts DIR</c> overrides any file it contains, one by one,
/// so a researcher can change one prompt without copying the rest.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string Formalize = "formalize";
    public const string Repair = "repair";

    private readonly IReadOnlyList<string> searchOrder;

    private PromptLibrary(IReadOnlyList<string> searchOrder)
    {
        this.searchOrder = searchOrder;
    }

    /// <summary>The folder holding the shipped templates.</summary>
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "Prompts");

    /// <summary>The shipped templates, overridden file by file by those in <paramref name="overrideDirectory"/> when given.</summary>
    public static PromptLibrary Create(string? overrideDirectory = null)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new UserInputException($"Prompt folder '{overrideDirectory}' does not exist.");
        }

        return new PromptLibrary(overrideDirectory is null ? [BuiltInDirectory] : [overrideDirectory, BuiltInDirectory]);
    }

    /// <summary>
    /// SHA-256 over the names and contents of the templates in a prompt override folder (null for none), so a
    /// resumed run can tell whether the prompts it would build are still the ones it started with.
    /// </summary>
    public static string? OverridesHash(string? overrideDirectory)
    {
        if (overrideDirectory is null)
        {
            return null;
        }

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(overrideDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(System.IO.Path.GetFileName(file) + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(file).ReplaceLineEndings("\n") + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The prove-prompt styles available (file names <c>prove-STYLE.md</c>), e.g. plain and reflective.</summary>
    public IReadOnlyList<string> ProveStyles() =>
        [.. searchOrder.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "prove-*.md"))
            .Select(f => Path.GetFileNameWithoutExtension(f)["prove-".Length..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    public static string ProveTemplateName(string style) => "prove-" + style;

    public static string FormalizeSectionName(string target) => "formalize-" + target;

    /// <summary>The raw text of template <paramref name="name"/> (without .md) and the file it came from.</summary>
    public (string Text, string Path) Load(string name)
    {
        foreach (var dir in searchOrder)
        {
            var path = System.IO.Path.Combine(dir, name + ".md");
            if (File.Exists(path))
            {
                return (File.ReadAllText(path).ReplaceLineEndings("\n"), path);
            }
        }

        throw new UserInputException(
            $"Prompt template '{name}.md' was not found in {string.Join(" or ", searchOrder)}." +
            (name.StartsWith("prove-", StringComparison.Ordinal) ? $" Available prove styles: {string.Join(", ", ProveStyles())}." : string.Empty));
    }

    /// <summary>Fills template <paramref name="name"/>; a placeholder with no value is an error naming the file, never left in a prompt.</summary>
    public string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        var (text, path) = Load(name);
        return Fill(text, values, path);
    }

    internal static string Fill(string template, IReadOnlyDictionary<string, string> values, string source)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var result = Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }

            missing.Add(key);
            return m.Value;
        });
        if (missing.Count > 0)
        {
            var known = new StringBuilder().AppendJoin(", ", values.Keys.Order(StringComparer.Ordinal));
            throw new UserInputException($"Prompt template {source} uses unknown placeholder(s) {string.Join(", ", missing.Select(k => "{{" + k + "}}"))}; known here: {known}.");
        }

        return result.TrimEnd('\n') + "\n";
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
