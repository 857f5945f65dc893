using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Server;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck serve</c>: the checkers as an HTTP grading service, e.g. the reward of an RL trainer (README, "As a reward for RL").</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var defaults = new ServeOptions();
        var port = new Option<int>("--port", "-p") { Description = "TCP port to listen on.", DefaultValueFactory = _ => defaults.Port };
        var host = new Option<string>("--host") { Description = "Address to bind. Anything but loopback needs --token-file.", DefaultValueFactory = _ => defaults.Host };
        var tokenFile = new Option<string?>("--token-file") { Description = "A file holding the bearer token every /v1 request must send (Authorization: Bearer TOKEN)." };
        var workers = CommonOptions.Workers("Grades checked at once.", () => defaults.Workers);
        var queue = new Option<int>("--queue") { Description = "Grades that may wait beyond the running ones; more get 503 with Retry-After.", DefaultValueFactory = _ => defaults.QueueCapacity };
        var timeLimit = new Option<int>("--time-limit") { Description = "Seconds one grade's checks may take; past it the grade is a failure (reason time-limit).", DefaultValueFactory = _ => (int)defaults.TimeLimit.TotalSeconds };
        var timeout = CommonOptions.CheckerTimeout();
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes; larger ones get 413.", DefaultValueFactory = _ => defaults.MaxBodyBytes };
        var maxBatch = new Option<int>("--max-batch") { Description = "Most grades in one /v1/grade/batch request.", DefaultValueFactory = _ => defaults.MaxBatch };
        var dir = CommonOptions.ProblemsDirectory("The problems folder served by GET /v1/problems and graded by id.");
        var noSandbox = CommonOptions.NoSandbox("Run checkers without the sandbox. Never for answers from a model under training.");
        var command = new Command(
            "serve",
            "Serve the checkers as an HTTP grading API for reinforcement learning: POST /v1/grade, POST /v1/grade/batch, GET /v1/problems, GET /health. " +
            "Binds to 127.0.0.1 by default.")
        {
            port, host, tokenFile, queue, timeLimit, timeout, maxBody, maxBatch, noSandbox,
        };
        workers.AddTo(command);
        dir.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var token = HttpAccess.ReadTokenFile(parse.GetValue(tokenFile));
            var options = new ServeOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Token = token,
                Workers = workers.GetValue(parse),
                QueueCapacity = parse.GetValue(queue),
                TimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                CheckTimeoutSeconds = CommonOptions.WholeSeconds(parse, timeout),
                MaxBodyBytes = parse.GetValue(maxBody),
                MaxBatch = parse.GetValue(maxBatch),
                Sandboxed = !parse.GetValue(noSandbox),
            };
            var problems = ProblemSet.Load(dir.GetValue(parse));
            await using var checkers = RunCheckers.Create();
            await using var server = await GradingServer.StartAsync(options, checkers.ByTarget, problems, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"proofcheck serve: grading {problems.All.Count} problems ({string.Join(", ", checkers.ByTarget.Keys.Order(StringComparer.Ordinal))}) on {server.BaseAddress} with {options.Workers} worker(s); Ctrl+C stops.");
            await server.WaitAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
