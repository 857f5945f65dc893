using System.CommandLine;
using ProofCheck.Cli;
using ProofCheck.Cli.Commands;

Terminal.Configure();

var root = new RootCommand(
    "ProofCheck turns a language model's mathematical reasoning into machine-checked evidence: " +
    "proofs are formalized to Lean 4, Coq and SMT-LIB and judged by real checkers in a sandbox.");

// One line per command; each command lives in its own file under Commands/.
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(ProblemsCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(RecheckCommand.Create());
root.Subcommands.Add(RunsCommand.Create());
root.Subcommands.Add(StoreCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(DashboardCommand.Create());
root.Subcommands.Add(ChatCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ReportCommand.Create());

return await CliRunner.InvokeAsync(root, args);
