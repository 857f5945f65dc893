using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Smt;
using ProofCheck.Smt.Solvers;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck check smt FILE [--solver portfolio|z3|cvc5|both]</c>: every obligation of an SMT-LIB file, decided by real solvers.</summary>
internal static class CheckSmtCommand
{
    public static Command Create()
    {
        var options = new CheckOptions(CheckTargets.Smt.DefaultTimeout);
        var file = new Argument<FileInfo>("FILE") { Description = "An SMT-LIB obligation file: obligations separated by (reset), each ending in (assert (not CLAIM)) and (check-sat); ';' comment lines above an obligation are its label." };
        var solver = new Option<string>("--solver")
        {
            Description = "portfolio (default: z3 and cvc5 race; a refutation by cvc5 wins at once, z3's waits for cvc5's answer and is shown only when cvc5 cannot decide, "
                + "so the same file always shows the same counterexample; a Verified waits for the other solver to confirm it), "
                + "both (both solvers decide every step to the end), z3 or cvc5 alone. A disagreement between the solvers is reported and never Verified; "
                + "with one solver installed, portfolio and both use it alone.",
            DefaultValueFactory = _ => "portfolio",
        };
        solver.AcceptOnlyFromAmong("portfolio", "z3", "cvc5", "both");

        var command = new Command(CheckTargets.Smt.Name, "Check SMT-LIB step obligations with z3 and cvc5: Verified (claim follows and hypotheses are consistent), Refuted (with a counterexample), Rejected (vacuous, circular or outside the safe subset), Timeout, Unknown. Exit code 0 all Verified, 1 otherwise, 2 for a file that is not valid SMT-LIB, 3 when no solver is installed.") { file };
        command.Options.Add(solver);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var text = await CheckOptions.ReadFileAsync(path.FullName, "SMT-LIB", cancellationToken).ConfigureAwait(false);
            var kind = parse.GetValue(solver) switch
            {
                "z3" => SolverKind.Z3,
                "cvc5" => SolverKind.Cvc5,
                "both" => SolverKind.Both,
                _ => SolverKind.Portfolio,
            };
            var request = new CheckRequest(text)
            {
                Timeout = options.TimeoutFrom(parse),
                Sandboxed = !parse.GetValue(options.NoSandbox),
            };
            await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = kind });
            var report = await checker.CheckAsync(request, cancellationToken).ConfigureAwait(false);

            // Text that is not SMT-LIB is bad input (exit 2), not a proof that failed; inside a run it stays a Failed artifact.
            if (SmtChecker.SyntaxErrorOf(report) is { } syntax)
            {
                throw new UserInputException($"{path.Name}:{syntax}");
            }

            return CheckReportView.Write(report, parse.GetValue(options.Json));
        });
        return command;
    }
}
