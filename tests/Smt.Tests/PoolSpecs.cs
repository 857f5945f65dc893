using System.Diagnostics;
using System.Globalization;
using ProofCheck.Core;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>The solver pool under stress: killed processes, many obligations, missing programs.</summary>
public sealed class PoolSpecs
{
    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task A_solver_that_died_between_obligations_is_replaced_and_the_obligation_still_gets_the_right_verdict(SolverKind solver)
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, PoolSize = 1 });
        var pool = checker.PoolsFor(TimeSpan.FromSeconds(10), Samples.Request(string.Empty).Sandboxed).Single();
        // A working solver first: it has answered, so it is the process the pool will hand out again.
        Assert.Equal(Verdict.Verified, (await checker.CheckAsync(Samples.Request(Samples.OddSquare))).Verdict);

        // Then the solver itself dies behind the pool's back (as an out-of-memory kill would, inside its sandbox):
        // the next obligation meets a dead solver and must start over on a fresh process.
        await using (var lease = await pool.RentAsync(CancellationToken.None))
        {
            using var process = Process.GetProcessById(SolverProcessUnder(lease.Session.ProcessId, lease.Session.Profile.Program));
            process.Kill();
            await process.WaitForExitAsync();
        }

        var report = await checker.CheckAsync(Samples.Request(Samples.File(Samples.FalseStep, Samples.OddSquare)));

        Assert.Equal([Verdict.Refuted, Verdict.Verified], report.Obligations.Select(o => o.Verdict));
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("retried", StringComparison.Ordinal));
        Assert.Equal(2, pool.ProcessesStarted);
    }

    /// <summary>The solver program's own process: the session's process itself, or inside its sandbox, a descendant.</summary>
    private static int SolverProcessUnder(int root, string program)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or one that just ended.
            }
        }

        var candidates = parents.Keys.Where(pid => IsUnder(pid) && Command(pid) == program).ToList();
        return Assert.Single(candidates);

        bool IsUnder(int pid)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == root)
                {
                    return true;
                }
            }

            return false;
        }

        static string Command(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }
    }

    [RequiresSolversFact]
    public async Task A_thousand_obligations_through_the_pool_all_get_their_right_verdicts()
    {
        var (text, expected) = Samples.Many(1000);
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Z3, PoolSize = 2 });

        var report = await checker.CheckAsync(Samples.Request(text));

        Assert.Equal(expected, report.Obligations.Select(o => o.Verdict));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"step {i}"), report.Obligations.Select(o => o.Label));
        Assert.All(report.Obligations.Where(o => o.Verdict == Verdict.Refuted), o => Assert.Matches(@"^x = -?\d+, y = -?\d+$", o.Counterexample));
        var replaced = report.Obligations.SelectMany(o => o.Diagnostics).Select(d => d.Message).Distinct().ToList();
        Assert.True(checker.PoolsFor(TimeSpan.FromSeconds(10), Samples.Request(string.Empty).Sandboxed).Single().ProcessesStarted <= 2, string.Join(" | ", replaced));
    }

    [RequiresSolversFact]
    public async Task A_z3_that_hit_its_limit_is_not_reused_and_the_next_obligation_is_still_decided()
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Z3, PoolSize = 1 });

        var report = await checker.CheckAsync(Samples.Request(Samples.File(Samples.HardFactoring, Samples.OddSquare), timeoutSeconds: 0.5));

        Assert.Equal([Verdict.Timeout, Verdict.Verified], report.Obligations.Select(o => o.Verdict));
        Assert.Equal(2, checker.PoolsFor(TimeSpan.FromSeconds(0.5), Samples.Request(string.Empty).Sandboxed).Single().ProcessesStarted);
    }

    [RequiresSolversFact]
    public async Task Cancelling_a_check_stops_the_busy_solver_and_a_later_check_still_works()
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Z3, PoolSize = 1 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => checker.CheckAsync(Samples.Request(Samples.HardFactoring, timeoutSeconds: 60), cancel.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"cancellation took {stopwatch.Elapsed}");
        var report = await checker.CheckAsync(Samples.Request(Samples.OddSquare, timeoutSeconds: 60));
        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    [Fact]
    public void A_missing_solver_makes_the_checker_unavailable_with_install_advice()
    {
        var profile = SolverProfile.Z3 with { Program = "proofcheck-no-such-solver" };
        var pool = new SolverPool(profile, 1, TimeSpan.FromSeconds(1), sandboxed: false);

        var error = Assert.Throws<CheckerUnavailableException>(pool.EnsureAvailable);

        Assert.Equal("z3", error.Checker);
        Assert.Contains("apt-get install z3", error.Advice, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task A_solver_whose_scope_could_not_be_closed_is_never_reused()
    {
        // The race cancels the losing solver; if that lands while its obligation's scope is being closed, the
        // process still holds that obligation's assertions and must not decide the next one against them.
        await using var session = await SolverSession.StartAsync(SolverProfile.Z3, TimeSpan.FromSeconds(5), sandboxed: false, CancellationToken.None);
        await session.SendQuietAsync("(push 1)\n(declare-const x Int)\n(assert (> x 5))\n(assert (< x 3))\n", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendQuietAsync("(pop 1)\n", new CancellationToken(canceled: true)));

        Assert.False(session.IsUsable);
    }

    [RequiresSolversFact]
    public async Task Closing_the_checker_ends_a_race_loser_that_is_still_deciding()
    {
        // z3 refutes this step in a fraction of a second, cvc5 would search until its limit: the race does not wait
        // for cvc5, and closing the checker must not leave it running. A limit no other spec uses tells its command
        // line apart from the solvers of specs running meanwhile.
        const string limitArgument = "--tlimit-per=57000";
        var checker = new SmtChecker();
        var result = Assert.Single((await checker.CheckAsync(Samples.Request(ModelCheckSpecs.Cvc5CannotDecide, timeoutSeconds: 57))).Obligations);
        await checker.DisposeAsync();

        Assert.Equal(Verdict.Refuted, result.Verdict);
        // Killing a sandbox ends the solver inside it a moment later; it gets a few seconds to go.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (RunningWith(limitArgument) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, RunningWith(limitArgument));
    }

    /// <summary>Live processes (zombies left out) whose command line has <paramref name="argument"/>.</summary>
    private static int RunningWith(string argument) =>
        Directory.EnumerateDirectories("/proc").Count(dir =>
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z' && File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(argument);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });

    [RequiresSolversFact]
    public async Task Racing_checks_that_stop_the_slower_solver_never_leak_one_obligation_into_the_next()
    {
        // Vacuous, false and true steps through a one-process-per-solver portfolio, several checks at once: every
        // race stops its loser at some point of its work, and no later verdict may depend on where it was stopped.
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = SolverKind.Portfolio, PoolSize = 1 });
        string[][] files = [[Samples.Vacuous, Samples.OddSquare], [Samples.FalseStep, Samples.OddSquare], [Samples.OddSquare, Samples.Vacuous]];
        Verdict[][] expected = [[Verdict.Rejected, Verdict.Verified], [Verdict.Refuted, Verdict.Verified], [Verdict.Verified, Verdict.Rejected]];

        var reports = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => checker.CheckAsync(Samples.Request(Samples.File(files[i % 3])))));

        var wrong = reports.Select((r, i) => (Index: i, Got: r.Obligations.Select(o => o.Verdict).ToArray()))
            .Where(x => !x.Got.SequenceEqual(expected[x.Index % 3]))
            .Select(x => $"check {x.Index}: {string.Join(", ", x.Got)}")
            .ToList();
        Assert.Empty(wrong);
    }
}
