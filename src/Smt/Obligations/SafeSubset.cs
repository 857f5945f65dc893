using ProofCheck.Core;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// The documented safe subset of SMT-LIB (see README.md in this project): only what it takes to state an
/// obligation reaches a solver. Everything else is refused with its position and the reason, before any
/// solver sees the text.
/// </summary>
internal static class SafeSubset
{
    /// <summary>Commands that declare or define symbols or assume facts; they are sent to the solver as written.</summary>
    private static readonly HashSet<string> Statements = new(StringComparer.Ordinal)
    {
        "declare-sort", "define-sort", "declare-const", "declare-fun", "define-fun", "define-fun-rec",
        "define-funs-rec", "declare-datatype", "declare-datatypes", "assert",
    };

    /// <summary>Commands that carry only metadata; they are accepted and not sent (the solver runs with logic ALL).</summary>
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal) { "set-logic", "set-info" };

    private static readonly Dictionary<string, (string Rule, string Reason)> Forbidden = new(StringComparer.Ordinal)
    {
        ["set-option"] = ("side-effecting-option", "options change the solver's behaviour and can redirect its output to files; the checker sets the options it needs itself"),
        ["exit"] = ("exit", "ends the solver process"),
        ["include"] = ("file-access", "reads another file"),
        ["load"] = ("file-access", "reads another file"),
        ["echo"] = ("output", "prints arbitrary text, which could forge a solver answer"),
        ["push"] = ("assertion-stack", "the checker owns the assertion stack; separate obligations with (reset)"),
        ["pop"] = ("assertion-stack", "the checker owns the assertion stack; separate obligations with (reset)"),
        ["reset"] = ("assertion-stack", "(reset) takes no arguments and only separates obligations"),
        ["reset-assertions"] = ("assertion-stack", "the checker owns the assertion stack; separate obligations with (reset)"),
        ["check-sat-assuming"] = ("extra-query", "an obligation has exactly one query, the final (check-sat)"),
        ["get-proof"] = ("output", "proof dumps are not needed to decide an obligation"),
        ["get-model"] = ("output", "the checker asks for the model itself when the claim is refuted"),
        ["get-value"] = ("output", "the checker asks for the model itself when the claim is refuted"),
        ["get-assignment"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-assertions"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-unsat-core"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-unsat-assumptions"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-info"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-option"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-interpolant"] = ("output", "the checker asks the solver for what it needs itself"),
        ["get-objectives"] = ("output", "the checker asks the solver for what it needs itself"),
        ["eval"] = ("solver-extension", "a solver-specific command that prints output"),
        ["simplify"] = ("solver-extension", "a solver-specific command that prints output"),
        ["display"] = ("solver-extension", "a solver-specific command that prints output"),
        ["help"] = ("solver-extension", "a solver-specific command that prints output"),
        ["apply"] = ("solver-extension", "a solver-specific command that prints output"),
        ["check-sat-using"] = ("solver-extension", "a solver-specific query; an obligation ends with a plain (check-sat)"),
        ["maximize"] = ("solver-extension", "optimization is not part of an obligation"),
        ["minimize"] = ("solver-extension", "optimization is not part of an obligation"),
    };

    /// <summary>The rule names a report lists as checked.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "allowed-commands", "side-effecting-option", "exit", "file-access", "output", "assertion-stack",
        "extra-query", "solver-extension", "set-logic-first", "obligation-shape",
    ];

    /// <summary>The obligation, or the reasons it is refused.</summary>
    public static (Obligation? Obligation, IReadOnlyList<AuditFinding> Findings) Validate(ObligationDraft draft)
    {
        var findings = new List<AuditFinding>();
        var commands = draft.Commands;
        var last = commands.Count - 1;
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            if (Forbidden.TryGetValue(c.Name, out var why))
            {
                findings.Add(new AuditFinding(why.Rule, $"({c.Name} ...)", c.NameSpan, why.Reason));
            }
            else if (c.Name == "check-sat")
            {
                if (i != last || c.Arguments.Count != 0)
                {
                    findings.Add(new AuditFinding("extra-query", "(check-sat)", c.NameSpan, "an obligation has exactly one (check-sat), its last command"));
                }
            }
            else if (c.Name == "set-logic")
            {
                if (i != 0 || c.Arguments.Count != 1)
                {
                    findings.Add(new AuditFinding("set-logic-first", "(set-logic ...)", c.NameSpan, "set-logic may appear once, as the obligation's first command, with one logic name"));
                }
            }
            else if (!Statements.Contains(c.Name) && !Metadata.Contains(c.Name))
            {
                findings.Add(new AuditFinding("allowed-commands", $"({c.Name} ...)", c.NameSpan, "not part of the safe subset: an obligation only declares, defines and asserts"));
            }
        }

        if (findings.Count == 0)
        {
            var shapeOk = commands.Count >= 2 && commands[last].Name == "check-sat" && commands[last - 1].IsNegatedAssert;
            if (!shapeOk)
            {
                findings.Add(new AuditFinding("obligation-shape", "obligation", commands[last].NameSpan, "an obligation must end with (assert (not CLAIM)) followed by (check-sat)"));
            }
        }

        if (findings.Count > 0)
        {
            return (null, findings);
        }

        var setup = commands.Take(last - 1).Where(c => Statements.Contains(c.Name)).ToList();
        return (new Obligation(draft.Number, draft.Label, draft.Span, setup, commands[last - 1]), []);
    }
}
