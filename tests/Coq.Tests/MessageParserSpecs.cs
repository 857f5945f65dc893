using ProofCheck.Coq.Running;
using ProofCheck.Core;

namespace ProofCheck.Coq.Tests;

public sealed class MessageParserSpecs
{
    [Fact]
    public void Errors_and_warnings_are_read_with_their_location()
    {
        const string output = """
            File "./a.v", line 1, characters 0-0:
            Warning: Not interpreting "*)" as the end of current non-terminated comment
            [comment-terminator-in-string,parsing]
            File "./a.v", line 4, characters 16-25:
            Error: No interpretation for string "a"" (* ".

            """;
        var messages = CoqMessageParser.Parse(output);
        Assert.Equal([DiagnosticSeverity.Warning, DiagnosticSeverity.Error], messages.Select(m => m.Severity));
        Assert.Equal((4, 16, 25), (messages[1].Line, messages[1].StartByte, messages[1].EndByte));
        Assert.StartsWith("No interpretation for string", messages[1].Message);
    }

    [Fact]
    public void Byte_offsets_become_code_point_columns_and_lines_of_the_model_text()
    {
        // coqc counts bytes: "β" and "α" are two bytes each, so "true" is at bytes 22-26 but characters 20-24.
        var source = "Definition α := 1.\nDefinition β := α + true.\n";
        var message = new CoqMessage(DiagnosticSeverity.Error, "x", "a.v", 2, 22, 26);
        var span = message.SpanIn(source, lineOffset: 5);
        Assert.Equal(new SourceSpan(7, 21, 7, 25), span);
    }

    [Fact]
    public void A_multi_line_message_keeps_all_its_lines()
    {
        var messages = CoqMessageParser.Parse("File \"./b.v\", line 3, characters 2-5:\nError:\nIn environment\nn : nat\nUnable to unify \"1\" with \"2\".\n");
        Assert.Contains("Unable to unify", Assert.Single(messages).Message);
    }

    [Fact]
    public void Print_Assumptions_output_is_read_into_axioms_and_unsafe_assumptions()
    {
        var closed = AssumptionsReport.Parse("Closed under the global context\n");
        Assert.True(closed.Closed);

        var classic = AssumptionsReport.Parse("Axioms:\nclassic : forall P : Prop, P \\/ ~ P\nfunctional_extensionality_dep :\n  forall (A : Type) (B : A -> Type), True\n");
        Assert.Equal(["classic", "functional_extensionality_dep"], classic.Axioms);
        Assert.Empty(classic.Unsafe);

        // coqc 8.16 wraps a long name: the type goes on the next line (seen with the Reals axioms).
        var wrapped = AssumptionsReport.Parse("Axioms:\nClassicalDedekindReals.sig_forall_dec\n  : forall P : nat -> Prop,\n    (forall n : nat, {P n} + {~ P n}) ->\n    {n : nat | ~ P n} + {forall n : nat, P n}\n");
        Assert.Equal(["ClassicalDedekindReals.sig_forall_dec"], wrapped.Axioms);
        Assert.Empty(wrapped.Unsafe);

        var guarded = AssumptionsReport.Parse("Axioms:\nbogus is assumed to be guarded.\n");
        Assert.Contains("bogus is assumed to be guarded.", guarded.Unsafe);
    }

    [Theory]
    [InlineData("classic", "classic", true)]
    [InlineData("Coq.Logic.Classical_Prop.classic", "classic", true)]
    [InlineData("classic", "Coq.Logic.Classical_Prop.classic", true)]
    [InlineData("proof_irrelevance", "classic", false)]
    public void An_axiom_is_allowed_by_its_full_or_short_name(string axiom, string allowed, bool expected)
    {
        Assert.Equal(expected, AssumptionsReport.IsAllowed(axiom, [allowed]));
    }

    [Theory]
    [InlineData("Candidate.Classical_Prop.classic", true)]
    [InlineData("PCSubmission0a1b.Candidate.Coq.Logic.Classical_Prop.classic", true)]
    [InlineData("Classical_Prop.classic", false)]
    [InlineData("ClassicalDedekindReals.sig_forall_dec", false)]
    [InlineData("CandidateX.classic", false)]
    public void An_axiom_the_clean_context_names_from_the_candidate_library_on_is_the_submissions_own(string axiom, bool expected)
    {
        Assert.Equal(expected, AssumptionsReport.DeclaredIn(axiom, "PCSubmission0a1b.Candidate"));
    }
}
