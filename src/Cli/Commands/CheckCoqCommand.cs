using System.CommandLine;
using ProofCheck.Coq;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Commands;

/// <summary>
/// <c>proofcheck check coq FILE (--problem ID | --statement STATEMENT.v)</c>: a Coq proof (Markdown with a
/// ```coq block, or a plain .v file) checked against a canonical statement with the real coqc.
/// </summary>
internal static class CheckCoqCommand
{
    public static Command Create()
    {
        var options = new CheckOptions(CheckTargets.Coq.DefaultTimeout);
        var file = new Argument<string>("FILE") { Description = "The proof: a .v file, or a model's Markdown answer (the last complete ```coq block is checked)." };
        var problem = CheckOptions.Problem("Check against this problem's statement.v, allowed axioms and imports.");
        var problemsDir = CommonOptions.ProblemsDirectory("The problems folder used by --problem.");
        var statement = CheckOptions.Statement("Check against this canonical statement file (main theorem ending in 'Admitted.').");
        var allowAxiom = new Option<string[]>("--allow-axiom")
        {
            Description = "With --statement: an axiom the proof may depend on (full or trailing part of its name, e.g. classic). Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(CheckTargets.Coq.Name, "Check a Coq proof of a canonical statement: audit, statement gates, coqc in the sandbox, Print Assumptions.")
        {
            file, problem, statement, allowAxiom,
        };
        problemsDir.AddTo(command);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var submission = await CheckOptions.ReadFileAsync(parse.GetValue(file)!, "proof", cancellationToken);
            var request = await ResolveStatementAsync(parse.GetValue(problem), problemsDir.GetValue(parse), parse.GetValue(statement), submission, cancellationToken);
            var axioms = parse.GetValue(allowAxiom) ?? [];
            if (axioms.Length > 0 && parse.GetValue(problem) is not null)
            {
                throw new UserInputException("--allow-axiom goes with --statement; a problem's allowed axioms are in its problem.yaml.");
            }

            request = request with
            {
                AllowedAxioms = axioms.Length > 0 ? axioms : request.AllowedAxioms,
                Timeout = options.TimeoutFrom(parse),
                Sandboxed = !parse.GetValue(options.NoSandbox),
            };
            var report = await new CoqChecker().CheckAsync(request, cancellationToken);
            return CheckReportView.Write(report, parse.GetValue(options.Json));
        });
        return command;
    }

    /// <summary>Where the canonical statement (and the allowed axioms and imports) come from: a problem, or a file.</summary>
    private static async Task<CheckRequest> ResolveStatementAsync(string? problemId, string problemsDir, string? statement, string submission, CancellationToken cancellationToken)
    {
        if ((problemId is null) == (statement is null))
        {
            throw new UserInputException("Give exactly one of --problem ID or --statement STATEMENT.v.");
        }

        if (statement is not null)
        {
            var text = await CheckOptions.ReadFileAsync(statement, "statement", cancellationToken);
            CoqChecker.MainTheoremOf(text); // a statement with no main theorem is bad input (exit 2), not a failed proof
            return new CheckRequest(submission) { CanonicalStatement = text };
        }

        return CheckTargets.Request(ProblemSet.Load(problemsDir).Get(problemId!), CheckTargets.Coq, submission);
    }
}
