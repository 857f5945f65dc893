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
        var file = new Argument<string>("FILE") { Description = "The model's answer: Markdown with a ```lean block (the last complete one is used), or plain Lean." };
        var problem = new Option<string?>("--problem") { Description = "The id of a problem under the problems folder; its statement.lean is the canonical statement. Without --problem or --statement the statement is reported unvetted." };
        var problemsDir = CommonOptions.ProblemsDirectory("The problems folder used by --problem.");
        var statement = new Option<string?>("--statement") { Description = "A canonical statement file (imports, definitions, main theorem ending in := by sorry)." };
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
            var request = BuildRequest(parse.GetValue(file)!, parse.GetValue(problem), problemsDir.GetValue(parse), parse.GetValue(statement)) with
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

    private static CheckRequest BuildRequest(string file, string? problemId, string problemsDir, string? statementFile)
    {
        if (problemId is not null && statementFile is not null)
        {
            throw new UserInputException("Give either --problem or --statement, not both.");
        }

        var submission = ReadFile(file, "proof");
        if (problemId is not null)
        {
            return CheckTargets.Request(ProblemSet.Load(problemsDir).Get(problemId), CheckTargets.Lean, submission);
        }

        return statementFile is null
            ? new CheckRequest(submission) { StatementVetted = false }
            : new CheckRequest(submission) { CanonicalStatement = ReadFile(statementFile, "statement") };
    }

    private static string ReadFile(string path, string what) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UserInputException($"The {what} file '{path}' does not exist.");
}
