using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.LeanBridge;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Commands;

/// <summary>
/// <c>proofcheck check lean FILE [--problem ID | --statement STATEMENT.lean] [--lean-project DIR] [--mode file|repl]</c>:
/// a model's Lean proof (Markdown or plain Lean) against a canonical statement; without one, Lean still checks the
/// proof, but the report marks the statement as unvetted (nothing says it is the theorem the user meant).
/// </summary>
internal static class CheckLeanCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The proof: a .lean file, or a model's Markdown answer (the last complete ```lean block is checked)." };
        var problem = CheckOptions.Problem("The id of a problem under the problems folder; its statement.lean is the canonical statement. Without --problem or --statement the statement is reported unvetted.");
        var problemsDir = CommonOptions.ProblemsDirectory("The problems folder used by --problem.");
        var statement = CheckOptions.Statement("A canonical statement file (imports, definitions, main theorem ending in := by sorry).");
        var project = new Option<string?>("--lean-project") { Description = $"The Lake project with Mathlib to check in (default: ${LeanBridge.Running.LeanDiscovery.ProjectVariable})." };
        var mode = new Option<string>("--mode") { Description = "file: authoritative check; repl: fast failures from a warm REPL, then file mode for the verdict.", DefaultValueFactory = _ => "file" };
        mode.AcceptOnlyFromAmong("file", "repl");
        var repl = new Option<string?>("--lean-repl") { Description = $"The Lean REPL program for --mode repl (default: found in the project, ${LeanBridge.Running.LeanDiscovery.ReplVariable}, or PATH)." };
        var options = new CheckOptions(CheckTargets.Lean.DefaultTimeout);
        var command = new Command(CheckTargets.Lean.Name, "Check a Lean 4 proof: static audit, statement fidelity (token-for-token and in a clean context), axioms, then Lean itself.")
        {
            file, problem, statement, project, mode, repl,
        };
        problemsDir.AddTo(command);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var request = await BuildRequestAsync(parse.GetValue(file)!, parse.GetValue(problem), problemsDir.GetValue(parse), parse.GetValue(statement), ct) with
            {
                Timeout = options.TimeoutFrom(parse),
                Sandboxed = !parse.GetValue(options.NoSandbox),
            };
            await using var checker = new LeanProofChecker(new LeanCheckerOptions { ProjectDirectory = parse.GetValue(project), ReplPath = parse.GetValue(repl), Mode = parse.GetValue(mode) == "repl" ? LeanMode.Repl : LeanMode.File });
            var report = await checker.CheckAsync(request, ct).ConfigureAwait(false);
            return CheckReportView.Write(report, parse.GetValue(options.Json));
        });
        return command;
    }

    private static async Task<CheckRequest> BuildRequestAsync(string file, string? problemId, string problemsDir, string? statementFile, CancellationToken cancellationToken)
    {
        if (problemId is not null && statementFile is not null)
        {
            throw new UserInputException("Give either --problem or --statement, not both.");
        }

        var submission = await CheckOptions.ReadFileAsync(file, "proof", cancellationToken).ConfigureAwait(false);
        if (problemId is not null)
        {
            return CheckTargets.Request(ProblemSet.Load(problemsDir).Get(problemId), CheckTargets.Lean, submission);
        }

        return statementFile is null
            ? new CheckRequest(submission) { StatementVetted = false }
            : new CheckRequest(submission) { CanonicalStatement = await CheckOptions.ReadFileAsync(statementFile, "statement", cancellationToken).ConfigureAwait(false) };
    }
}
