using System.CommandLine;
using System.Runtime.InteropServices;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Distributed;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck worker --store postgres://… [--targets smt,coq] [--workers N]</c>: checks for distributed runs.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var store = RunStoreOption.Create();
        var targets = new Option<string?>("--targets")
        {
            Description = "The check queues to serve, comma-separated: smt, coq, lean. Each is refused at start if this machine lacks its " +
                "programs (smt: z3 and cvc5; coq: coqc; lean: lean and lake). Default: every queue this machine can serve. " + JobQueues.NoModelQueue,
        };
        var workers = CommonOptions.Workers("Checks run at once (default: the number of cores).", () => Environment.ProcessorCount);
        var requeueAfter = new Option<int>("--requeue-after")
        {
            Description = "Seconds after which a check taken by a worker that died (kill -9, machine lost) is handed to this worker. " +
                "A living worker keeps its checks however long they run.",
            DefaultValueFactory = _ => (int)JobQueues.InvisibilityTimeout.TotalSeconds,
        };
        var command = new Command(
            "worker",
            "Serve the checks of distributed runs ('run --distributed') from a PostgreSQL store, on this machine, until stopped (Ctrl-C or SIGTERM). " +
            "Start one on every machine that should check; each takes only jobs of the queues it serves. A worker killed in the middle of a check " +
            "loses nothing: the check goes to another worker (--requeue-after).")
        {
            store, targets, requeueAfter,
        };
        workers.AddTo(command);
        command.SetAction(async (parse, outer) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            var count = workers.GetValue(parse);
            if (parse.GetValue(requeueAfter) < 5)
            {
                throw new UserInputException("--requeue-after must be at least 5 seconds.");
            }

            JobQueues.InvisibilityTimeout = TimeSpan.FromSeconds(parse.GetValue(requeueAfter));
            var location = parse.GetValue(store)!;
            JobQueues.Storage(location);
            IReadOnlyList<string> queues;
            if (parse.GetValue(targets) is { } list)
            {
                queues = JobQueues.Parse(list);
                CheckWorker.RequireTargets(queues);
            }
            else
            {
                queues = CheckWorker.Servable();
                if (queues.Count == 0)
                {
                    throw new CheckerUnavailableException("worker", "This machine can serve no check queue: neither z3 and cvc5, nor coqc, nor lean and lake are on PATH.", "Run 'proofcheck doctor' to see what to install.");
                }
            }

            using var runs = RunStore.Open(location);
            await using var checkers = RunCheckers.Create();
            await CheckWorker.RunAsync(runs, location, queues, count, checkers.ByTarget, Console.Out.WriteLine, stop.Token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
