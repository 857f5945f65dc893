using FsCheck;
using FsCheck.Fluent;
using ProofCheck.Coq.Submission;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// Properties of the fence reader that takes the Coq code out of a model's answer: it never throws (no usable code is
/// a problem sentence for the user), and the code it returns is the answer's own lines starting right after
/// <see cref="CoqSource.LineOffset"/>, so every coqc message maps back to the line the model wrote.
/// </summary>
public sealed class SourceExtractorProperties
{
    /// <summary>Answers made of prose, fences of every kind, and Coq lines whose comments and strings hold fences.</summary>
    private static Gen<string> Answers() =>
        from lines in Gen.Elements(Lines).ListOf()
        from separator in Gen.Elements("\n", "\r\n")
        select string.Join(separator, lines);

    private static readonly string[] Lines =
    [
        "Here is the proof.", "```coq", "```rocq", "```", "````", "~~~", "~~~coq", "   ```coq", "    ```", "```python", "``` coq {.x}",
        "Lemma l : True.", "Proof. exact I. Qed.", "(* ``` *)", "Definition s := \"```\".", "", " ", "\r", "α ∀", "~~~~", "```` ",
    ];

    [Fact]
    public void Any_answer_gives_its_own_lines_from_the_offset_or_a_problem() =>
        Prop.ForAll(Answers().ToArbitrary(), answer =>
        {
            var source = CoqSourceExtractor.Extract(answer, out var problem);
            if (source is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(problem));
                return;
            }

            var lines = answer.ReplaceLineEndings("\n").Split('\n');
            // An empty or blank block is a problem for the user, never code to check.
            Assert.False(source.LineOffset > 0 && string.IsNullOrWhiteSpace(source.Code), answer);
            var code = source.Code.ReplaceLineEndings("\n").Split('\n');
            // A fenced block is returned with a final line break of its own.
            code = source.LineOffset > 0 ? code[..^1] : code;
            Assert.InRange(source.LineOffset, 0, lines.Length - code.Length);
            Assert.Equal(lines[source.LineOffset..(source.LineOffset + code.Length)], code);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
