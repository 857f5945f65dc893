using ProofCheck.Pipeline.Problems;
using Spectre.Console;

namespace ProofCheck.Cli.Problems;

/// <summary>What <c>problems show ID</c> prints: everything a user needs to attempt or review one problem.</summary>
internal static class ProblemDetailView
{
    public static void Write(IAnsiConsole console, Problem p, ProblemSet set)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(p.Id)}[/]").LeftJustified());
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]title[/]", Markup.Escape(p.Title));
        facts.AddRow("[grey]provenance[/]", Markup.Escape($"{p.Provenance.Kind.ToString().ToLowerInvariant()}: {p.Provenance.Reference}"));
        facts.AddRow("[grey]tags[/]", Markup.Escape(string.Join(", ", p.Tags)));
        facts.AddRow("[grey]main theorem[/]", Markup.Escape(p.MainTheorem ?? "(none)"));
        if (p.IsVariant)
        {
            facts.AddRow("[grey]variant of[/]", Markup.Escape($"{p.ParentId} ({p.Variation}: {string.Join(", ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))})"));
        }
        else if (set.VariantsOf(p.Id) is { Count: > 0 } variants)
        {
            facts.AddRow("[grey]variants[/]", Markup.Escape(string.Join(", ", variants.Select(v => v.Id))));
        }

        facts.AddRow("[grey]reference proofs[/]", Markup.Escape(Files(p.ReferenceProofs.Keys, ProblemFiles.ReferenceProof)));
        facts.AddRow("[grey]broken copies[/]", Markup.Escape(Files(p.BrokenProofs.Keys, ProblemFiles.BrokenProof)));
        console.Write(facts);

        Section(console, "statement.md", p.StatementMarkdown);
        Section(console, "statement.lean", p.LeanStatement);
        Section(console, "statement.v", p.CoqStatement);
    }

    private static string Files(IEnumerable<string> targets, IReadOnlyDictionary<string, string> names)
    {
        var list = targets.Select(t => names[t]).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static void Section(IAnsiConsole console, string title, string? text)
    {
        if (text is null)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Rule($"[grey]{title}[/]").LeftJustified());
        // Verbatim, never re-wrapped to the terminal width: users copy statements from here.
        console.Profile.Out.Writer.WriteLine(text.TrimEnd());
    }
}
