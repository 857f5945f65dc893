using FsCheck;
using FsCheck.Fluent;
using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;

namespace ProofCheck.Pipeline.Tests.Loop;

/// <summary>
/// Properties of the one fence reader (<see cref="Fences"/>) that the run loop and every checker use: it never throws,
/// every block is the run of the answer's own lines right after the opening fence it names, blocks come in order
/// (nothing invented, nothing reordered), and a fence line inside a longer fence is code (CommonMark: a block closes
/// only at a bare fence at least as long).
/// </summary>
public sealed class FenceReaderProperties
{
    private static readonly string[] Lines =
    [
        "Here is the proof.", "```lean", "```coq", "```smt2", "```", "````", "~~~", "~~~coq", "   ```lean", "    ```", "```python",
        "``` lean {.x}", "```lean `x`", "`` `", "theorem t : True := by", "  trivial", "Lemma l : True. Proof. exact I. Qed.",
        "(assert (> x 0))", "", " ", "\t", "\r", "α ∀ ⟨⟩", "~~~~", "```` ", "```\t",
    ];

    private static Gen<string> Answers() =>
        from lines in Gen.Elements(Lines).ListOf()
        from separator in Gen.Elements("\n", "\r\n", "\r")
        select string.Join(separator, lines);

    /// <summary>Code holding shorter fences and tagged fences, inside a longer fence, between prose and other blocks.</summary>
    private static Gen<(string Answer, string Code)> Nested() =>
        from inner in Gen.Elements("```", "```lean", "~~~", "```coq", "Lemma l : True.", "``", string.Empty).ListOf()
        from fence in Gen.Elements("````", "`````", "~~~~")
        from before in Gen.Elements("Proof:", "```smt2\n(check-sat)\n```", string.Empty).ListOf()
        let code = string.Concat(inner.Where(l => !l.StartsWith(fence[..1], StringComparison.Ordinal) || l.Length < fence.Length).Select(l => l + "\n"))
        select (string.Join('\n', before.Append(fence + "coq\n" + code + fence + "\nDone.")), code);

    [Fact]
    public void Every_block_is_the_run_of_lines_after_its_opening_fence_in_order() =>
        Prop.ForAll(Answers().ToArbitrary(), answer =>
        {
            var lines = answer.ReplaceLineEndings("\n").Split('\n');
            var cursor = 0;
            foreach (var block in Fences.Read(answer))
            {
                var code = block.Code.Length == 0 ? [] : block.Code[..^1].Split('\n');
                Assert.True(block.Code.Length == 0 || block.Code.EndsWith('\n'));
                Assert.InRange(block.LineOffset, cursor + 1, lines.Length);
                Assert.True(OpensWith(lines[block.LineOffset - 1], block.Language), $"line {block.LineOffset} does not open a {block.Language} block:\n{answer}");
                Assert.Equal(lines.AsSpan(block.LineOffset, code.Length).ToArray(), code);
                // A closed block ends at its closing fence; an unclosed one runs to the end of the answer.
                Assert.Equal(block.Closed, block.LineOffset + code.Length < lines.Length);
                cursor = block.LineOffset + code.Length;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    private static bool OpensWith(string line, string language)
    {
        var t = line.TrimStart(' ');
        return line.Length - t.Length <= 3 && (t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal))
            && t.TrimStart('`', '~').TrimStart().StartsWith(language, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shorter_and_tagged_fences_inside_a_longer_fence_are_code() =>
        Prop.ForAll(Nested().ToArbitrary(), pair =>
        {
            var coq = Fences.Read(pair.Answer).Where(b => FenceLanguages.TargetOf(b.Language) == "coq").ToList();
            Assert.Equal([pair.Code], coq.Select(b => b.Code));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
