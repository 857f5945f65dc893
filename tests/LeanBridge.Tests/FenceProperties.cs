using FsCheck;
using FsCheck.Fluent;
using ProofCheck.LeanBridge.Extraction;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Properties of the fence reader that takes the Lean code out of a model's Markdown answer: it never throws anything
/// but the documented <see cref="NoLeanCodeException"/>, the code it returns is the answer's own lines starting at
/// the line it reports, and a fence inside a Lean comment or string does not end the block (documented behaviour).
/// </summary>
public sealed class FenceProperties
{
    private static readonly string[] Lines =
    [
        "Here is the proof.", "```lean", "```lean4", "```", "````", "~~~", "~~~lean", "   ```lean", "    ```", "```python", "``` lean extra",
        "theorem t : True := by", "  trivial", "/-- Example:", "```lean", "-/", "\"a string", "ends\"", "-- ```", "", " ", "\r",
        "`` `", "```lean `x`", "/- ```", "``` -/", "α ∀ ⟨⟩", "import Mathlib",
    ];

    private static Gen<string> Answers() =>
        from lines in Gen.Elements(Lines).ListOf()
        from separator in Gen.Elements("\n", "\r\n")
        select string.Join(separator, lines);

    /// <summary>Lean code whose doc comment and string hold fence lines, wrapped in prose and other blocks.</summary>
    private static Gen<(string Answer, string Code)> Wrapped() =>
        from before in Gen.Elements("Proof:", "```python\nprint(1)\n```", "```\nuntagged\n```", string.Empty).ListOf()
        from after in Gen.Elements("Done.", "```text\n```lean\n```", string.Empty).ListOf()
        from code in Gen.Elements(
            "theorem t : True := by\n  trivial",
            "/-- Use it like this:\n```lean\nexample : True := t\n```\n-/\ntheorem t : True := by\n  trivial",
            "def s : String := \"\n```\n\"\ntheorem t : s = s := rfl")
        select (string.Join('\n', before.Append("```lean\n" + code + "\n```").Concat(after)), code);

    [Fact]
    public void Any_answer_gives_its_own_lines_or_a_documented_error() =>
        Prop.ForAll(Answers().ToArbitrary(), answer =>
        {
            var lines = answer.ReplaceLineEndings("\n").Split('\n');
            ExtractedLean extracted;
            try
            {
                extracted = LeanExtraction.Extract(answer);
            }
            catch (NoLeanCodeException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                return;
            }

            var codeLines = extracted.Code.Split('\n');
            Assert.InRange(extracted.FirstLine, 1, lines.Length);
            Assert.InRange(extracted.ToAnswerLine(codeLines.Length), extracted.FirstLine, lines.Length);
            Assert.Equal(lines[(extracted.FirstLine - 1)..(extracted.FirstLine - 1 + codeLines.Length)], codeLines);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Fences_inside_lean_comments_and_strings_do_not_end_the_block() =>
        Prop.ForAll(Wrapped().ToArbitrary(), pair =>
        {
            var extracted = LeanExtraction.Extract(pair.Answer);
            Assert.Equal(pair.Code, extracted.Code);
            Assert.Equal("```lean", pair.Answer.Split('\n')[extracted.FirstLine - 2]);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
