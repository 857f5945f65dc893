using FsCheck;
using FsCheck.Fluent;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Audit;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.LeanBridge.Syntax;
using ProofCheck.TestSupport;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Properties of the Lean reading the audit relies on (lexer, grammar, extraction, audit) over generated and mutated
/// files: it always ends, never throws (an answer without usable code is the documented <see cref="NoLeanCodeException"/>),
/// every span it reports lies inside the file, and the audit's findings do not change when layout or comments are
/// added between tokens.
/// </summary>
public sealed class AuditProperties
{
    /// <summary>Generous: a case taking this long is a loop, not a slow run.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Real files: our honest and cheat cases, the statements and the shipped problems.</summary>
    private static readonly string[] Corpus =
    [
        .. Directory.GetFiles(RepoPaths.InTests("LeanBridge.Tests", "Cases"), "*.lean", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepoPaths.Problems, "*.lean", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText),
    ];

    /// <summary>Tokens inserted by mutations: openers without closers, unicode look-alikes, escapes, rule keywords.</summary>
    private static readonly string[] Inserted =
    [
        "(", ")", "[", "]", "{", "}", "⟨", "⟩", "«", "»", "/-", "/--", "/-!", "-/", "--", "\"", "s!\"{", "}\"", "r#\"", "\"#", "'",
        "'\\", "`(", "$(", "sorry", "axiom", "#exit", "#eval", "by", "theorem", "import", "module", "end", "namespace", "@[", "α",
        "∀", "ℕ", "\u0455orry", "\u200b", "\ud835\udd38", "\ud800", "\udc00", "\r", "\n", "\t", " ", "```", "```lean", "~~~", "\\",
        "native_decide", ":=", "|", "·", ".", "$", "%", "\u0000",
    ];

    /// <summary>Layout and comments that keep the code; the comments hold words the audit's rules look for.</summary>
    private static readonly string[] Inline = ["  ", "\t", " /- sorry #exit axiom -/ ", " /- nested /- -/ -/ "];

    private static readonly string[] AtLineStart = ["\n", "-- sorry #exit axiom\n", "/- native_decide\n``` -/\n", "\n\n", "  \n"];

    private static Gen<string> RandomText() =>
        Gen.Elements(Inserted).ArrayOf().Select(parts => string.Concat(parts));

    /// <summary>A real file with whole tokens deleted, duplicated or inserted.</summary>
    private static Gen<string> Mutated() =>
        from text in Gen.Elements(Corpus)
        from edits in Gen.Choose(0, int.MaxValue).Two().Select(t => (t.Item1, t.Item2)).ListOf()
        select Mutate(text, edits);

    /// <summary>A real file with layout and comments added between tokens.</summary>
    private static Gen<(string Original, string Relaid)> Relaid() =>
        from text in Gen.Elements(Corpus)
        from picks in Gen.Choose(0, 99).ArrayOf(64)
        select (text, Relay(text, picks));

    [Fact]
    public void Random_token_soup_never_throws_and_every_span_lies_inside_it() =>
        Prop.ForAll(RandomText().ToArbitrary(), text => ReadsCleanly(text)).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Random_characters_never_throw_and_every_span_lies_inside_them() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => ReadsCleanly(text ?? string.Empty)).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Mutated_real_files_never_throw_and_every_span_lies_inside_them() =>
        Prop.ForAll(Mutated().ToArbitrary(), text => ReadsCleanly(text)).Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void Layout_and_comments_between_tokens_do_not_change_what_the_audit_finds() =>
        Prop.ForAll(Relaid().ToArbitrary(), pair =>
        {
            var (expected, actual) = (Findings(pair.Original), Findings(pair.Relaid));
            Assert.True(expected.SequenceEqual(actual), $"[{string.Join("; ", expected)}] became [{string.Join("; ", actual)}] for:\n{pair.Relaid}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    /// <summary>Found by the properties: a lone surrogate (a decoded JSON answer can hold one) made the lexer throw; the code after it is still audited.</summary>
    [Theory]
    [InlineData("theorem t : True := by\n  \ud800 sorry\n")]
    [InlineData("\udc00theorem t : True := by sorry")]
    public void A_lone_surrogate_is_read_as_a_strange_character_not_an_exception(string text)
    {
        Assert.True(ReadsCleanly(text));
        Assert.Contains(LeanSyntax.Lex(text), t => t.Text.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Contains(LeanAudit.Run(LeanSyntax.Parse(text)).Findings, f => f.Rule == LeanAuditRules.Sorry);
    }

    /// <summary>Found by the properties: an attribute in an interpolated string's hole was placed where it sits in the hole (line 1, column 13), outside this file's line 1.</summary>
    [Fact]
    public void An_attribute_in_a_string_hole_is_found_at_the_string()
    {
        const string text = "--\n\ndef m := s!\"{          @[implemented_by f] x}\"\n";

        Assert.True(ReadsCleanly(text));
        var finding = Assert.Single(LeanAudit.Run(LeanSyntax.Parse(text)).Findings, f => f.Construct.StartsWith("@[implemented_by", StringComparison.Ordinal));
        Assert.Equal((3, 10), (finding.Span.Line, finding.Span.Column));
    }

    /// <summary>Reads <paramref name="text"/> as an answer and as a file; checks every span, within <see cref="Bound"/>.</summary>
    private static bool ReadsCleanly(string text)
    {
        var run = Task.Run(() =>
        {
            var lines = text.Split('\n').Select(l => l.EnumerateRunes().Count()).ToArray();
            var file = LeanSyntax.Parse(text);
            foreach (var t in file.AllTokens)
            {
                AssertInside(t.Span, lines, text);
            }

            var report = LeanAudit.Run(file);
            foreach (var f in report.Findings)
            {
                AssertInside(f.Span, lines, text);
            }

            Assert.All(file.UnplacedLines, l => Assert.InRange(l, 1, lines.Length));
            try
            {
                var extracted = LeanExtraction.Extract(text);
                _ = LeanAudit.Run(LeanSyntax.Parse(extracted.Code));
            }
            catch (NoLeanCodeException)
            {
                // Documented: the user is told there is no usable Lean code.
            }
        });
        Assert.True(run.Wait(Bound), $"reading did not end within {Bound}:\n{text}");
        return true;
    }

    private static void AssertInside(SourceSpan span, int[] lineLengths, string text)
    {
        var where = $"span {span.Line}:{span.Column}-{span.EndLine}:{span.EndColumn} outside the file:\n{text}";
        Assert.True(span.Line >= 1 && span.Line <= lineLengths.Length && span.Column >= 1 && span.Column <= lineLengths[span.Line - 1] + 1, where);
        if (span.EndLine is int endLine && span.EndColumn is int endColumn)
        {
            Assert.True(endLine >= span.Line && endLine <= lineLengths.Length && endColumn >= 1 && endColumn <= lineLengths[endLine - 1] + 1, where);
        }
    }

    private static List<string> Findings(string text)
    {
        var report = LeanAudit.Run(LeanSyntax.Parse(text));
        return [.. report.Findings.Select(f => $"{f.Rule}: {f.Construct}").Order(StringComparer.Ordinal)];
    }

    private static string Mutate(string text, IEnumerable<(int Where, int What)> edits)
    {
        var tokens = LeanSyntax.Lex(text).Select(t => t.Text).ToList();
        foreach (var (where, what) in edits)
        {
            var at = where % (tokens.Count + 1);
            switch (what % 3)
            {
                case 0:
                    tokens.Insert(at, Inserted[what / 3 % Inserted.Length]);
                    break;
                case 1 when at < tokens.Count:
                    tokens.RemoveAt(at);
                    break;
                case 2 when at < tokens.Count:
                    tokens.Insert(at, tokens[at]);
                    break;
            }
        }

        return string.Concat(tokens);
    }

    /// <summary>
    /// Adds layout inside existing runs of whitespace between tokens: spaces, tabs and block comments anywhere, and
    /// blank lines and comment lines right after a line break, so no token is split or joined.
    /// </summary>
    private static string Relay(string text, int[] picks)
    {
        var result = new System.Text.StringBuilder();
        var p = 0;
        foreach (var t in LeanSyntax.Lex(text))
        {
            if (t.Type != Syntax.Generated.Lean4Lexer.WS)
            {
                result.Append(t.Text);
                continue;
            }

            var pick = picks[p++ % picks.Length];
            var newline = t.Text.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0 && pick % 2 == 0)
            {
                result.Append(t.Text.AsSpan(0, newline + 1)).Append(AtLineStart[pick / 2 % AtLineStart.Length]).Append(t.Text.AsSpan(newline + 1));
            }
            else if (pick % 3 == 0)
            {
                result.Append(t.Text).Append(Inline[pick / 3 % Inline.Length]);
            }
            else
            {
                result.Append(t.Text);
            }
        }

        return result.ToString();
    }
}
