using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Problems.Validation;

namespace ProofCheck.Pipeline.Tests.Problems;

/// <summary>
/// How validate turns a checker's verdict into pass or fail, with a checker whose verdict the test chooses
/// (the real Coq checker's behaviour on the seed set is covered in <see cref="ValidatorSpecs"/>).
/// </summary>
public sealed class VerdictMappingSpecs
{
    private const string Proof = "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nProof. intros. apply PeanoNat.Nat.add_comm. Qed.\n";

    private static async Task<IReadOnlyList<ProblemCheckResult>> Validate(Func<CheckRequest, CheckReport> verdict, List<CheckRequest>? seen = null)
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", """
            id: add-comm
            title: Addition is commutative
            provenance: { kind: textbook, reference: any algebra book }
            theorem: add_comm_nat
            allowed:
              coq: { axioms: [], imports: [Arith] }
            """);
        folder.Write("add-comm/proof.v", Proof).Write("add-comm/broken.v", Proof.Replace("apply PeanoNat.Nat.add_comm", "reflexivity", StringComparison.Ordinal));
        var checker = new ChosenVerdictChecker(r =>
        {
            seen?.Add(r);
            return verdict(r);
        });
        return await new ProblemValidator(new ValidationOptions { Checkers = [checker] }).ValidateAsync(ProblemSet.Load(folder.Root));
    }

    private static CheckReport Report(Verdict verdict, string? message = null) =>
        new("coqc", [new ObligationResult("add_comm_nat", verdict) { Diagnostics = message is null ? [] : [Diagnostic.Error(message, new SourceSpan(2, 15))] }]);

    [Fact]
    public async Task A_broken_copy_that_the_checker_accepts_fails_validation()
    {
        var results = await Validate(_ => Report(Verdict.Verified));

        var broken = Assert.Single(results, r => r.Check == "broken.v");
        Assert.Equal(ValidationStatus.Failed, broken.Status);
        Assert.Contains("the broken copy was Verified", broken.Detail, StringComparison.Ordinal);
        Assert.Equal(ValidationStatus.Passed, Assert.Single(results, r => r.Check == "proof.v").Status);
    }

    [Fact]
    public async Task A_reference_proof_the_checker_does_not_verify_fails_with_the_checkers_reason()
    {
        var results = await Validate(_ => Report(Verdict.Failed, "Unable to unify \"b + a\" with \"a + b\"."));

        var proof = Assert.Single(results, r => r.Check == "proof.v");
        Assert.Equal(ValidationStatus.Failed, proof.Status);
        Assert.Contains("must be Verified but is Failed: 2:15: Unable to unify", proof.Detail, StringComparison.Ordinal);
        Assert.Equal(ValidationStatus.Passed, Assert.Single(results, r => r.Check == "broken.v").Status);
    }

    [Fact]
    public async Task A_checker_that_reports_itself_unavailable_makes_the_check_not_run()
    {
        var results = await Validate(_ => Report(Verdict.CheckerUnavailable, "coqc is not installed"));

        Assert.All(results.Where(r => r.Check is "proof.v" or "broken.v"), r => Assert.Equal(ValidationStatus.NotRun, r.Status));
    }

    [Fact]
    public async Task The_checker_gets_the_canonical_statement_and_the_problems_allowed_imports()
    {
        var seen = new List<CheckRequest>();

        await Validate(_ => Report(Verdict.Verified), seen);

        Assert.Equal(2, seen.Count);
        Assert.All(seen, r =>
        {
            Assert.StartsWith("Theorem add_comm_nat", r.CanonicalStatement, StringComparison.Ordinal);
            Assert.Equal(["Arith"], r.AllowedImports);
            Assert.Empty(r.AllowedAxioms!);
            Assert.True(r.Sandboxed);
        });
        Assert.Contains(seen, r => r.Submission == Proof);
    }

    private sealed class ChosenVerdictChecker(Func<CheckRequest, CheckReport> verdict) : IProofChecker
    {
        public string Target => "coq";

        public Task<CheckReport> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(verdict(request));
    }
}
