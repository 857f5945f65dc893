using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Server;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck dashboard --store postgres://… [--port P] [--host H] [--token-file F]</c>: Hangfire's dashboard of the distributed job queues.</summary>
internal static class DashboardCommand
{
    public const int DefaultPort = 8478;

    public static Command Create()
    {
        var store = RunStoreOption.Create();
        var port = new Option<int>("--port", "-p") { Description = "TCP port to listen on.", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host")
        {
            Description = "Address to bind. Anything but loopback needs --token-file, and the dashboard is then read-only.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var tokenFile = new Option<string?>("--token-file") { Description = "A file holding the token a browser must give (any user name, the token as password)." };
        var command = new Command(
            "dashboard",
            "Serve Hangfire's dashboard of the job queues of distributed runs ('run --distributed', 'worker') in a PostgreSQL store: " +
            "the smt, coq and lean queues, checks in flight, failed checks and their retries, the living workers. Binds to 127.0.0.1 by default; " +
            "'show RUN' is the view of a run's verdicts.")
        {
            store, port, host, tokenFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var access = new HttpAccess(parse.GetValue(host)!, HttpAccess.ReadTokenFile(parse.GetValue(tokenFile)));
            var location = parse.GetValue(store)!;
            await using var dashboard = await JobDashboard.StartAsync(location, access, parse.GetValue(port), ct).ConfigureAwait(false);
            Console.Out.WriteLine($"proofcheck dashboard: the job queues of {StoreLocation.Display(location)} on {dashboard.BaseAddress}" +
                (dashboard.ReadOnly ? " (read-only: reachable from other machines)" : string.Empty) + "; Ctrl+C stops.");
            await dashboard.WaitAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
