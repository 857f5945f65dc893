using ProofCheck.Core;
using ProofCheck.Smt.Parsing;

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

    /// <summary>Options that cannot change what is satisfiable or what the solver prints between answers; accepted and not sent.</summary>
    private static readonly HashSet<string> HarmlessOptions = new(StringComparer.Ordinal)
    {
        ":produce-models", ":produce-unsat-cores", ":produce-unsat-assumptions", ":produce-proofs", ":produce-assignments",
        ":produce-assertions", ":print-success", ":interactive-mode", ":incremental", ":global-declarations", ":verbosity",
        ":smtlib2_compliant", ":random-seed",
    };

    /// <summary>What may follow the final (check-sat): questions about the answer, ignored because the checker asks its own.</summary>
    private static readonly HashSet<string> TrailingQueries = new(StringComparer.Ordinal)
    {
        "get-model", "get-value", "get-assignment", "get-info", "get-unsat-core", "get-unsat-assumptions", "get-proof", "get-assertions", "get-option",
    };

    /// <summary>The rule names a report lists as checked.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "allowed-commands", "side-effecting-option", "exit", "file-access", "output", "assertion-stack",
        "extra-query", "solver-extension", "set-logic-first", "theory-symbol", "string-literal", "obligation-shape", "circular",
    ];

    /// <summary>The obligation, or the reasons it is refused.</summary>
    public static (Obligation? Obligation, IReadOnlyList<AuditFinding> Findings) Validate(ObligationDraft draft)
    {
        var findings = new List<AuditFinding>();
        var commands = draft.Commands;

        // The query is the last (check-sat); after it only an ignored get-* or a final (exit) may follow.
        var query = commands.ToList().FindLastIndex(c => c.Name == "check-sat");
        var end = query < 0 ? commands.Count : query + 1;
        var sawStatement = false;
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            if (i >= end)
            {
                if (!(TrailingQueries.Contains(c.Name) || (c.Name == "exit" && i == commands.Count - 1) || c.Name == "set-info"))
                {
                    findings.Add(Refusal(c) ?? new AuditFinding("extra-query", $"({c.Name} ...)", c.NameSpan, "only get-model, get-value and the like (ignored) and a final (exit) may follow the (check-sat)"));
                }

                continue;
            }

            if (c.Name == "check-sat")
            {
                if (i != query || c.Arguments.Count != 0)
                {
                    findings.Add(new AuditFinding("extra-query", "(check-sat)", c.NameSpan, "an obligation has exactly one (check-sat), without arguments, after its negated claim"));
                }
            }
            else if (c.Name == "set-logic")
            {
                if (sawStatement || commands.Take(i).Any(p => p.Name == "set-logic") || c.Arguments.Count != 1)
                {
                    findings.Add(new AuditFinding("set-logic-first", "(set-logic ...)", c.NameSpan, "set-logic may appear once, before any declaration or assertion, with one logic name"));
                }
            }
            else if (c.Name == "set-option")
            {
                if (!(c.Arguments is [Atom { Kind: AtomKind.Keyword } key, ..] && HarmlessOptions.Contains(key.Text)))
                {
                    findings.Add(Refusal(c)!);
                }
            }
            else if (Statements.Contains(c.Name))
            {
                sawStatement = true;
                findings.AddRange(TheorySymbols.Introduced(c).Where(a => TheorySymbols.IsReserved(a.Name)).Select(a =>
                    new AuditFinding("theory-symbol", a.Text, a.Span, $"'{a.Name}' is defined by SMT-LIB or a theory; declaring, defining or binding it again would change what the claim means")));
                findings.AddRange(Strings(c.Tree).Where(a => !IsPlainAscii(a.Text)).Select(a =>
                    new AuditFinding("string-literal", Shorten(a.Text), a.Span, "string literals may hold printable ASCII only; write other characters, line breaks and tabs included, as \\u{…} (z3 and cvc5 read them differently or not at all)")));
            }
            else if (!Metadata.Contains(c.Name))
            {
                findings.Add(Refusal(c) ?? new AuditFinding("allowed-commands", $"({c.Name} ...)", c.NameSpan, "not part of the safe subset: an obligation only declares, defines and asserts"));
            }
        }

        var body = commands.Take(end).Where(c => Statements.Contains(c.Name) || c.Name == "check-sat").ToList();
        if (findings.Count == 0 && !(query >= 0 && body.Count >= 2 && body[^1].Name == "check-sat" && body[^2].IsNegatedAssert))
        {
            var at = query >= 0 ? commands[query] : commands[^1];
            findings.Add(new AuditFinding("obligation-shape", "obligation", at.NameSpan, "an obligation must end with (assert (not CLAIM)) followed by (check-sat)"));
        }

        if (findings.Count > 0)
        {
            return (null, findings);
        }

        return (new Obligation(draft.Number, draft.Label, draft.Span, body.Take(body.Count - 2).ToList(), body[^2]), []);
    }

    private static AuditFinding? Refusal(ScriptCommand c) =>
        Forbidden.TryGetValue(c.Name, out var why) ? new AuditFinding(why.Rule, $"({c.Name} ...)", c.NameSpan, why.Reason) : null;

    private static IEnumerable<Atom> Strings(SExpr root)
    {
        var stack = new Stack<SExpr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Atom { Kind: AtomKind.String } a:
                    yield return a;
                    break;
                case SList list:
                    foreach (var item in list.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private static bool IsPlainAscii(string text) => text.All(ch => ch is >= ' ' and <= '~');

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…\"" : text;
}
