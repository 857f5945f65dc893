using System.Globalization;

namespace ProofCheck.Smt.Solvers;

/// <summary>
/// How to start and speak to one solver program: its command line in interactive incremental mode, the
/// options it needs before the first query (models on, a per-query limit), and what to install when it is missing.
/// </summary>
internal sealed record SolverProfile(string Name, string Program, string InstallAdvice)
{
    public static SolverProfile Z3 { get; } = new("z3", "z3", "Install z3: 'apt-get install z3' (or run 'bash tools/setup.sh').");

    public static SolverProfile Cvc5 { get; } = new("cvc5", "cvc5", "Install cvc5: 'apt-get install cvc5' (or run 'bash tools/setup.sh').");

    public static SolverProfile For(SolverKind kind) => kind switch
    {
        SolverKind.Z3 => Z3,
        SolverKind.Cvc5 => Cvc5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A portfolio is not one solver."),
    };

    /// <summary>
    /// Arguments for a long-lived process that reads SMT-LIB from stdin and keeps its state between queries. The
    /// random seed is pinned (cvc5 takes it only on the command line) so a fresh process gives the same model for the
    /// same obligation on every run. cvc5 1.0 reads the standard strings theory's extended functions (`str.replace`,
    /// `str.contains`, `str.substr`, `seq.nth`) only with `--strings-exp`; without it, an honest string step is a solver
    /// error under the `ALL` logic the checker sets (found on cvc5's own regression files, which say `QF_SLIA`).
    /// </summary>
    public IReadOnlyList<string> Arguments(TimeSpan queryLimit) => Name == "z3"
        ? ["-in", "-smt2"]
        : ["--incremental", "--lang", "smt2", "--produce-models", "--strings-exp", "--seed=0", "--tlimit-per=" + Milliseconds(queryLimit)];

    /// <summary>
    /// Whether the solver runs with its heap on huge pages (<see cref="Execution.HugePages"/>). z3 4.8.12 fills about
    /// 30 MB of tables before its first answer, and again when a <c>(reset)</c> first rebuilds its context: some 5,200
    /// page faults, 115–130 ms of a start on the 2-core development VM, 50–65 ms on huge pages (sandboxed: 160–170 ms
    /// against 105–110). cvc5 1.0.3 touches 750 pages and starts no faster on them (measured), so it runs as it is.
    /// </summary>
    public bool HugePages => Name == "z3";

    /// <summary>Sent once after start. z3 takes its per-query limit and seed as options; cvc5 rejects the limit option, so it gets a command-line flag.</summary>
    public string Prelude(TimeSpan queryLimit) => Name == "z3"
        ? $"(set-option :random-seed 0)\n(set-option :timeout {Milliseconds(queryLimit)})\n"
        : "(set-logic ALL)\n";

    private static string Milliseconds(TimeSpan t) => Math.Max(1, (long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
