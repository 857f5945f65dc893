using FsCheck;
using FsCheck.Fluent;
using ProofCheck.Core;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// Properties of the obligation reader on generated input: it always ends (trees or one positioned error, never an
/// exception), every position it reports lies inside the text, and layout (spaces, line endings of every kind,
/// comments) never changes what the solver is sent, so it cannot change a verdict.
/// </summary>
public sealed class ReaderProperties
{
    private const string Alphabet = "()\"|;:#\\ \t\r\nabxz019.-_!é\u001b";

    private static readonly string[] Valid = [Samples.OddSquare, Samples.FalseStep, Samples.Vacuous, "(declare-const |a;b)| Int)\n(declare-const s String)\n(assert (= s \"x;)\\u{a}\"\"y\"))\n(assert (not (> |a;b)| 0)))\n(check-sat)"];

    private static readonly string[] Separators = [" ", "\t", "\n", "\r\n", "\r", "  \n\n ", "; note ) ( \"\n", "; (assert false)\r", ";\r\n", "\n; (exit)\n"];

    private static Gen<string> RandomText() =>
        Gen.Elements(Alphabet.ToCharArray()).ArrayOf().Select(chars => new string(chars));

    /// <summary>A valid obligation with some characters inserted, deleted or replaced.</summary>
    private static Gen<string> Mutated() =>
        from text in Gen.Elements(Valid)
        from edits in Gen.Choose(0, int.MaxValue).Two().Select(t => (t.Item1, t.Item2)).ListOf()
        select Mutate(text, edits);

    /// <summary>A valid obligation with every separator replaced by random layout, and layout added inside parentheses.</summary>
    private static Gen<(string Original, string Relaid)> Relaid() =>
        from text in Gen.Elements(Valid)
        from picks in Gen.Choose(0, Separators.Length - 1).ArrayOf(4 * text.Length)
        select (text, Relay(text, picks));

    [Fact]
    public void Random_text_never_throws_and_every_error_points_inside_the_text() =>
        Prop.ForAll(RandomText().ToArbitrary(), text => ReadsCleanly(text)).QuickCheckThrowOnFailure();

    [Fact]
    public void Mutated_obligations_never_throw_and_every_position_points_inside_the_text() =>
        Prop.ForAll(Mutated().ToArbitrary(), text => ReadsCleanly(text)).QuickCheckThrowOnFailure();

    [Fact]
    public void Layout_and_comments_never_change_what_the_solver_is_sent() =>
        Prop.ForAll(Relaid().ToArbitrary(), pair => Sent(pair.Relaid).SequenceEqual(Sent(pair.Original))).QuickCheckThrowOnFailure();

    [RequiresSolversFact]
    public async Task Layout_and_comments_never_change_the_verdict_on_the_real_solvers()
    {
        var cases = Relaid().Sample(12);
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Portfolio, PoolSize = 2 });
        foreach ((string original, string relaid) in cases)
        {
            var expected = (await checker.CheckAsync(Samples.Request(original))).Obligations.Select(o => o.Verdict).ToList();
            var actual = (await checker.CheckAsync(Samples.Request(relaid))).Obligations.Select(o => o.Verdict).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{string.Join(",", expected)} became {string.Join(",", actual)} for:\n{relaid}");
        }
    }

    private static bool ReadsCleanly(string text)
    {
        var (drafts, error) = ObligationFileReader.Read(text);
        var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        var spans = error is null
            ? drafts.SelectMany(d => d.Commands).SelectMany(c => new[] { c.Span, c.NameSpan })
            : [error.Span];
        foreach (var draft in drafts)
        {
            // The validator must not throw either, whatever shape the commands have.
            _ = SafeSubset.Validate(draft);
        }

        return spans.All(s => s.Line >= 1 && s.Line <= lines.Length && s.Column >= 1 && s.Column <= lines[s.Line - 1].Length + 1);
    }

    private static List<string> Sent(string text)
    {
        var (drafts, error) = ObligationFileReader.Read(text);
        Assert.Null(error);
        return [.. drafts.SelectMany(d => d.Commands).Select(c => c.Text)];
    }

    private static string Mutate(string text, IEnumerable<(int Where, int What)> edits)
    {
        var chars = text.ToList();
        foreach (var (where, what) in edits)
        {
            var at = where % (chars.Count + 1);
            var c = Alphabet[what % Alphabet.Length];
            switch (what % 3)
            {
                case 0:
                    chars.Insert(at, c);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at < chars.Count:
                    chars[at] = c;
                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>Re-lays a text outside strings, quoted symbols and comments: each run of layout becomes random layout.</summary>
    private static string Relay(string text, int[] picks)
    {
        var result = new System.Text.StringBuilder();
        var p = 0;
        string Next() => Separators[picks[p++ % picks.Length]];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '|')
            {
                var end = i + 1;
                while (end < text.Length && (text[end] != c || (c == '"' && end + 1 < text.Length && text[end + 1] == '"' && ++end > 0)))
                {
                    end++;
                }

                result.Append(text, i, end - i + 1);
                i = end;
            }
            else if (c == ';')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length - 1 : end;
                result.Append(text, i, end - i + 1);
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                {
                    i++;
                }

                result.Append(Next());
            }
            else if (c is '(' or ')')
            {
                result.Append(c).Append(p % 3 == 0 ? Next() : string.Empty);
                p++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
