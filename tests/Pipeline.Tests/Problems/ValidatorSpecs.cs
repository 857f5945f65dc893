using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Problems.Validation;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Problems;

/// <summary><c>problems validate</c>'s engine against the real coqc: statements must compile, results must say what did not run.</summary>
public sealed class ValidatorSpecs
{
    private static ValidationOptions Options => new() { Checkers = ValidationSetup.Checkers, MaxParallelism = 2, Timeout = TimeSpan.FromSeconds(120) };

    [RequiresToolFact("coqc")]
    public async Task The_seed_set_validates_with_no_failure_and_every_coq_statement_compiles()
    {
        var set = ProblemSet.Load(RepoPaths.Problems);

        var results = await new ProblemValidator(Options).ValidateAsync(set);

        Assert.Empty(results.Where(r => r.Status == ValidationStatus.Failed).Select(r => $"{r.ProblemId} {r.Check}: {r.Detail}"));
        var coqStatements = set.All.Count(p => p.CoqStatement is not null);
        Assert.Equal(coqStatements, results.Count(r => r.Check == "statement.v" && r.Status == ValidationStatus.Passed));
        Assert.All(results.Where(r => r.Check == "lean elaboration"), r => Assert.Equal(ValidationStatus.NotRun, r.Status));
    }

    [RequiresToolFact("coqc")]
    public async Task A_coq_statement_that_does_not_type_check_fails_with_coqs_error_and_its_file()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm");
        folder.Write("add-comm/statement.v", "Theorem add_comm_nat : forall a b : nat, a + b = b + c.\nAdmitted.\n");

        var results = await new ProblemValidator(Options).ValidateAsync(ProblemSet.Load(folder.Root));

        var statement = Assert.Single(results, r => r.Check == "statement.v");
        Assert.Equal(ValidationStatus.Failed, statement.Status);
        Assert.Contains("The reference c was not found", statement.Detail, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("add-comm", "statement.v"), statement.File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_manifest_is_a_failed_check_under_its_folder_name_and_good_problems_are_still_checked()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("good").WriteMinimalProblem("bad", "id: bad\ntitle: t\n");
        var options = Options with { Checkers = [] };

        var results = await new ProblemValidator(options).ValidateAsync(ProblemSet.Read(folder.Root));

        var manifest = Assert.Single(results, r => r.ProblemId == "bad");
        Assert.Equal(ValidationStatus.Failed, manifest.Status);
        Assert.Contains("missing 'provenance'", manifest.Detail, StringComparison.Ordinal);
        Assert.Contains(results, r => r.ProblemId == "good" && r.Check == "statement.lean" && r.Status == ValidationStatus.Passed);
    }

    [Fact]
    public async Task A_reference_proof_without_a_checker_for_its_target_is_reported_as_not_run_never_as_passed()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm");
        folder.Write("add-comm/proof.v", "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nProof. intros. apply PeanoNat.Nat.add_comm. Qed.\n");
        var progress = new List<string>();

        var results = await new ProblemValidator(Options with { Checkers = [] }).ValidateAsync(
            ProblemSet.Load(folder.Root), (r, done, total) => progress.Add($"{done}/{total} {r.Check}"));

        var proof = Assert.Single(results, r => r.Check == "proof.v");
        Assert.Equal(ValidationStatus.NotRun, proof.Status);
        Assert.Contains("no coq checker", proof.Detail, StringComparison.Ordinal);
        Assert.Equal(results.Count, progress.Count);
        Assert.StartsWith($"{results.Count}/{results.Count} ", progress[^1], StringComparison.Ordinal);
    }
}
