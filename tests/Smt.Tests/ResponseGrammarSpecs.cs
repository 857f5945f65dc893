using System.Text;
using ProofCheck.Smt.Checking;
using ProofCheck.Smt.Parsing;
using ProofCheck.TestSupport;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// The grammar reads what z3 4.8 and cvc5 1.0 really print (files under Responses/ were captured from the
/// solvers): answers, both model layouts, errors, get-info replies, sentinels.
/// </summary>
public sealed class ResponseGrammarSpecs
{
    [Theory]
    [InlineData("z3.out")]
    [InlineData("cvc5.out")]
    [InlineData("cvc5-error.out")]
    [InlineData("cvc5-timeout.out")]
    [InlineData("z3-timeout.out")]
    [InlineData("z3-unknown.out")]
    public void Captured_solver_output_is_read_response_by_response(string file)
    {
        var output = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", file));

        var (responses, error) = ResponseReader.Read(output);

        Assert.Null(error);
        Golden.Match(Describe(responses), file + ".golden");
    }

    [Fact]
    public void A_model_becomes_a_readable_assignment_of_the_declared_symbols_in_declaration_order()
    {
        var output = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "z3.out"));
        var model = ResponseReader.Read(output).Responses.OfType<SolverResponse.Model>().Single();

        var text = Counterexample.Format(model, [("a", "a"), ("b", "b"), ("r", "r"), ("f", "f")]);

        Assert.Equal("a = -3, b = 8, r = -1/2, f(x!0) = -5", text);
    }

    [Fact]
    public void Cvc5s_model_layout_gives_the_same_assignment()
    {
        var output = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "cvc5.out"));
        var model = ResponseReader.Read(output).Responses.OfType<SolverResponse.Model>().Single();

        Assert.Equal("a = -3, b = 8, r = -1/2", Counterexample.Format(model, [("a", "a"), ("b", "b"), ("r", "r")]));
    }

    [Theory]
    [InlineData("(\n  (define-fun x () Int\n    (- 3")]
    [InlineData("(error \"unterminated")]
    public void Output_cut_off_or_garbled_is_reported_as_unreadable_not_guessed_at(string output)
    {
        var (_, error) = ResponseReader.Read(output);

        Assert.NotNull(error);
    }

    private static string Describe(IReadOnlyList<SolverResponse> responses)
    {
        var text = new StringBuilder();
        foreach (var r in responses)
        {
            text.AppendLine(r switch
            {
                SolverResponse.Model m => "model: " + string.Join("; ", m.Definitions.Select(d => $"{d.Name}({string.Join(",", d.Parameters)}) = {d.Value}")),
                SolverResponse.Info i => "info: " + string.Join("; ", i.Values.Select(kv => $"{kv.Key} = {kv.Value}")),
                SolverResponse.Error e => "error: " + e.Message.ReplaceLineEndings("\\n"),
                SolverResponse.CheckSat c => "check-sat: " + c.Answer,
                SolverResponse.Word w => "word: " + w.Text,
                _ => r.ToString(),
            });
        }

        return text.ToString();
    }
}
