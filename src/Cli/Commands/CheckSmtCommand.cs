using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Smt;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck check smt FILE [--solver z3|cvc5|both]</c>: every obligation of an SMT-LIB file, decided by real solvers.</summary>
internal static class CheckSmtCommand
{
    public static Command Create()
    {
        var options = new CheckOptions();
        var file = new Argument<FileInfo>("FILE") { Description = "An SMT-LIB obligation file: obligations separated by (reset), each ending in (assert (not CLAIM)) and (check-sat); ';' comment lines above an obligation are its label." };
        var solver = new Option<string>("--solver")
        {
            Description = "z3, cvc5, or both (a portfolio: a disagreement between the solvers is reported and never Verified).",
            DefaultValueFactory = _ => "z3",
        };
        solver.AcceptOnlyFromAmong("z3", "cvc5", "both");

        var command = new Command("smt", "Check SMT-LIB step obligations with z3 and/or cvc5: Verified (claim follows and hypotheses are consistent), Refuted (with a counterexample), Rejected (vacuous or outside the safe subset), Timeout, Unknown.") { file };
        command.Options.Add(solver);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UserInputException($"The file '{path.FullName}' does not exist.");
            }

            var kind = parse.GetValue(solver) switch
            {
                "cvc5" => SolverKind.Cvc5,
                "both" => SolverKind.Both,
                _ => SolverKind.Z3,
            };
            var request = new CheckRequest(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false))
            {
                Timeout = options.TimeoutFrom(parse, new SmtCheckerOptions().DefaultTimeout),
                Sandboxed = !parse.GetValue(options.NoSandbox),
            };
            await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = kind });
            var report = await checker.CheckAsync(request, cancellationToken).ConfigureAwait(false);
            return CheckReportView.Write(report, parse.GetValue(options.Json));
        });
        return command;
    }
}
