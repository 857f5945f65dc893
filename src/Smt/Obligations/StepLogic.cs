using System.Text;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// Compares claims and hypotheses up to trivial rewriting, to find steps that prove nothing (a claim that is
/// already among the hypotheses) and hypotheses no earlier step proved (the step's assumptions).
/// The rewriting is deliberately small and easy to justify: nullary <c>define-fun</c>s are unfolded, bound
/// variables renamed by position, <c>!</c> annotations dropped, double negation removed, <c>&gt;</c>/<c>&gt;=</c>
/// turned into <c>&lt;</c>/<c>&lt;=</c>, arguments of <c>and or = distinct + *</c> sorted, and nested
/// <c>and</c>s flattened. A claim is circular when each of its conjuncts is a conjunct of some hypothesis.
/// </summary>
internal static class StepLogic
{
    private static readonly HashSet<string> Commutative = new(StringComparer.Ordinal) { "and", "or", "=", "distinct", "+", "*" };

    /// <summary>True when the claim says nothing the hypotheses do not already say, conjunct by conjunct.</summary>
    public static bool IsCircular(Obligation obligation)
    {
        var definitions = Definitions(obligation);
        var known = obligation.Hypotheses.SelectMany(h => Conjuncts(h, definitions)).ToHashSet(StringComparer.Ordinal);
        return Conjuncts(obligation.Claim, definitions).All(known.Contains);
    }

    /// <summary>The normal forms of a step's claim, for matching against later steps' hypotheses.</summary>
    public static IReadOnlySet<string> ClaimConjuncts(Obligation obligation) =>
        Conjuncts(obligation.Claim, Definitions(obligation)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The hypotheses (as written, canonically printed) that are not conjunctions of claims in <paramref name="proven"/>.</summary>
    public static IReadOnlyList<string> Assumptions(Obligation obligation, IReadOnlySet<string> proven)
    {
        var definitions = Definitions(obligation);
        return [.. obligation.Hypotheses.Where(h => !Conjuncts(h, definitions).All(proven.Contains)).Select(h => h.Canonical)];
    }

    private static Dictionary<string, SExpr> Definitions(Obligation obligation)
    {
        var definitions = new Dictionary<string, SExpr>(StringComparer.Ordinal);
        foreach (var c in obligation.Setup)
        {
            if (c.Name == "define-fun" && c.Arguments is [Atom { IsSymbol: true } name, SList { Items.Count: 0 }, _, var body])
            {
                definitions[name.Name] = body;
            }
        }

        return definitions;
    }

    private static IEnumerable<string> Conjuncts(SExpr term, IReadOnlyDictionary<string, SExpr> definitions)
    {
        var normal = new Normalizer(definitions).Normal(term, 0);
        return normal is SList { Head: "and" } and ? and.Items.Skip(1).Select(i => i.Canonical) : [normal.Canonical];
    }

    private sealed class Normalizer(IReadOnlyDictionary<string, SExpr> definitions)
    {
        // Unfolding is bounded: definitions refer only to earlier ones, but a budget keeps any input cheap.
        private int _budget = 100_000;
        private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
        private int _inScope;

        public SExpr Normal(SExpr term, int depth)
        {
            if (--_budget < 0 || depth > ScriptReader.MaxDepth * 2)
            {
                return term;
            }

            if (term is Atom atom)
            {
                if (!atom.IsSymbol)
                {
                    return atom;
                }

                if (_renamed.TryGetValue(atom.Name, out var renamed))
                {
                    return new Atom(AtomKind.Symbol, renamed, atom.Span);
                }

                return definitions.TryGetValue(atom.Name, out var body) ? Normal(body, depth + 1) : new Atom(AtomKind.Symbol, Quote(atom.Name), atom.Span);
            }

            var list = (SList)term;
            switch (list.Head)
            {
                case "!" when list.Items.Count >= 2:
                    return Normal(list.Items[1], depth + 1);
                case "not" when list.Items.Count == 2 && list.Items[1] is SList { Head: "not", Items.Count: 2 } inner:
                    return Normal(inner.Items[1], depth + 1);
                case ">" or ">=" when list.Items.Count == 3:
                    var op = list.Head == ">" ? "<" : "<=";
                    return new SList([new Atom(AtomKind.Symbol, op, list.Span), Normal(list.Items[2], depth + 1), Normal(list.Items[1], depth + 1)], list.Span);
                case "forall" or "exists" or "lambda" when list.Items.Count == 3 && list.Items[1] is SList variables:
                    return Binder(list, variables, depth);
            }

            var items = list.Items.Select(i => Normal(i, depth + 1)).ToList();
            if (list.Head is { } head && Commutative.Contains(head))
            {
                var arguments = items.Skip(1);
                if (head == "and")
                {
                    arguments = arguments.SelectMany(a => a is SList { Head: "and" } nested ? nested.Items.Skip(1) : [a]);
                }

                var sorted = arguments.DistinctBy(a => a.Canonical, StringComparer.Ordinal).OrderBy(a => a.Canonical, StringComparer.Ordinal).ToList();
                if (head is "and" or "or" && sorted.Count == 1)
                {
                    return sorted[0];
                }

                items = [items[0], .. head is "and" or "or" ? sorted : [.. arguments.OrderBy(a => a.Canonical, StringComparer.Ordinal)]];
            }

            return new SList(items, list.Span);
        }

        /// <summary>Bound variables get positional names, so <c>(forall ((x Int)) P x)</c> equals <c>(forall ((y Int)) P y)</c>.</summary>
        private SList Binder(SList list, SList variables, int depth)
        {
            var saved = new List<(string Name, string? Previous)>();
            var renamedVariables = new List<SExpr>();
            foreach (var v in variables.Items)
            {
                if (v is SList { Items: [Atom { IsSymbol: true } name, var sort] } pair)
                {
                    var fresh = $"|bound {_inScope++}|";
                    saved.Add((name.Name, _renamed.GetValueOrDefault(name.Name)));
                    _renamed[name.Name] = fresh;
                    renamedVariables.Add(new SList([new Atom(AtomKind.Symbol, fresh, name.Span), sort], pair.Span));
                }
                else
                {
                    renamedVariables.Add(v);
                }
            }

            var body = Normal(list.Items[2], depth + 1);
            _inScope -= saved.Count;
            for (var i = saved.Count - 1; i >= 0; i--)
            {
                if (saved[i].Previous is { } previous)
                {
                    _renamed[saved[i].Name] = previous;
                }
                else
                {
                    _renamed.Remove(saved[i].Name);
                }
            }

            return new SList([list.Items[0], new SList(renamedVariables, variables.Span), body], list.Span);
        }

        private static string Quote(string name) =>
            name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "~!@$%^&*_+=<>.?/-".Contains(c, StringComparison.Ordinal)) && !char.IsAsciiDigit(name[0])
                ? name
                : new StringBuilder("|").Append(name).Append('|').ToString();
    }
}
