using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// Splits an obligation file into obligations: they are separated by top-level <c>(reset)</c>, and the
/// comment lines directly above an obligation's first command are its label.
/// </summary>
internal static class ObligationFileReader
{
    /// <summary>The drafts of every obligation, or the first syntax error of the file.</summary>
    public static (IReadOnlyList<ObligationDraft> Drafts, SyntaxError? Error) Read(string text)
    {
        var (commands, error) = ScriptReader.Read(text);
        if (error is not null)
        {
            return ([], error);
        }

        var drafts = new List<ObligationDraft>();
        var group = new List<ScriptCommand>();
        string? label = null;
        foreach (var read in commands)
        {
            var command = new ScriptCommand(read.Tree);
            if (command.Name == "reset" && command.Arguments.Count == 0)
            {
                Flush();
                continue;
            }

            if (group.Count == 0)
            {
                var lines = read.CommentsAbove.Where(l => l.Length > 0).ToList();
                label = lines.Count == 0 ? null : string.Join(' ', lines);
            }

            group.Add(command);
        }

        Flush();
        return (drafts, null);

        void Flush()
        {
            if (group.Count > 0)
            {
                var number = drafts.Count + 1;
                drafts.Add(new ObligationDraft(number, label ?? $"obligation {number}", group[0].Span, [.. group]));
            }

            group.Clear();
            label = null;
        }
    }
}
