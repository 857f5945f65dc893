using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Execution;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck doctor</c>: what can run here, in which version, and what to install for what is missing.</summary>
internal static class DoctorCommand
{
    /// <summary>Each area of the product contributes one probe; they run concurrently.</summary>
    private static readonly Func<CancellationToken, Task<IReadOnlyList<ToolStatus>>>[] Probes =
    [
        SandboxProbe,
        LeanBridge.LeanDoctor.ProbeAsync,
        ProofCheck.Models.ModelDoctor.ProbeAsync,
        Coq.CoqProbe.ProbeAsync,
        ct => ProofCheck.Smt.Solvers.SolverProbe.ProbeAsync(ct),
    ];

    public static Command Create()
    {
        var json = CommonOptions.Json("Print the findings as JSON.");
        var bench = new Option<string?>("--bench") { Description = "Measure a checker's latency on this machine instead (lean: file mode vs the REPL pool)." };
        var command = new Command("doctor", "Show which checkers and model backends are available, their versions, whether the sandbox works, and what to install for what is missing.");
        command.Options.Add(json);
        command.Options.Add(bench);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(bench) is { } target)
            {
                return await LeanBenchCommand.RunAsync(target, parse.GetValue(json), ct).ConfigureAwait(false);
            }

            var results = (await Task.WhenAll(Probes.Select(p => p(ct))).ConfigureAwait(false)).SelectMany(r => r).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ReportJson.Serialize(results));
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Area", "Tool", "Status", "Version", "Where / what to do");
            foreach (var r in results)
            {
                table.AddRow(
                    Markup.Escape(r.Category),
                    Markup.Escape(r.Name),
                    r.Available ? "[green]ok[/]" : "[red]missing[/]",
                    Markup.Escape(r.Version ?? string.Empty),
                    Markup.Escape(r.Available ? r.Location ?? r.Advice ?? string.Empty : r.Advice ?? string.Empty));
            }

            AnsiConsole.Write(TableFit.Fit(table, AnsiConsole.Console));
            return 0;
        });
        return command;
    }

    private static Task<IReadOnlyList<ToolStatus>> SandboxProbe(CancellationToken cancellationToken)
    {
        IReadOnlyList<ToolStatus> status =
        [
            new ToolStatus("sandbox", "bubblewrap", Sandbox.IsAvailable)
            {
                Location = ExecutableResolver.Resolve("bwrap"),
                Advice = Sandbox.IsAvailable ? "no network, read-only system, one writable folder, memory and CPU limits" : $"{Sandbox.WhyUnavailable} {Sandbox.InstallAdvice}",
            },
        ];
        return Task.FromResult(status);
    }
}
