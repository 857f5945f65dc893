using System.Numerics;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Evaluation;

/// <summary>A ground value: a Bool, or an Int or Real number.</summary>
internal abstract record Value
{
    public sealed record Bool(bool Truth) : Value
    {
        public override string ToString() => Truth ? "true" : "false";
    }

    public sealed record Number(Rational Exact, bool IsInt) : Value
    {
        public override string ToString() => Exact.ToString();
    }
}

/// <summary>
/// The term lies outside what the evaluator decides (strings, arrays, quantifiers, bit-vectors, a name without a
/// value…). <see cref="Undefined"/> marks the SMT-LIB cases that are legal but have no fixed value, such as
/// division by zero, whose result a model may choose freely.
/// </summary>
internal sealed class OutsideFragmentException(string reason, bool undefined = false) : Exception(reason)
{
    public bool Undefined { get; } = undefined;
}

/// <summary>
/// Evaluates ground SMT-LIB terms exactly (big integers and rationals) with the semantics of the Core, Ints and
/// Reals theories: Bool connectives, <c>ite</c>, <c>=</c>, <c>distinct</c>, arithmetic with <c>div</c>/<c>mod</c>/
/// <c>abs</c>, comparisons, <c>let</c>, and functions given by <c>define-fun</c> (the obligation's own, and the
/// tables of a solver's model). It trusts no solver: it is how ProofCheck checks a solver's counterexample.
/// Anything else throws <see cref="OutsideFragmentException"/>, never a guess.
/// </summary>
internal sealed class GroundEvaluator
{
    /// <summary>Numbers beyond this many bits are not evaluated (a term such as repeated squaring would exhaust memory).</summary>
    private const long MaxBits = 100_000;

    private readonly Dictionary<string, Function> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Value> _constants = new(StringComparer.Ordinal);
    private readonly long _maxSteps;
    private long _steps;

    /// <param name="maxSteps">Terms visited per formula before giving up: nested function calls can take exponentially many.</param>
    public GroundEvaluator(long maxSteps = 1_000_000) => _maxSteps = maxSteps;

    private sealed record Function(IReadOnlyList<string> Parameters, SExpr Body);

    /// <summary>Gives a name a value directly (a constant of a candidate assignment).</summary>
    public void SetConstant(string name, Value value) => _constants[name] = value;

    /// <summary>Adds <c>(define-fun NAME ((P S)…) SORT BODY)</c>; sorts other than Int, Real and Bool are outside the fragment.</summary>
    public void Define(SList defineFun)
    {
        if (defineFun is not { Head: "define-fun", Items: [_, Atom { IsSymbol: true } name, SList parameters, var sort, var body] })
        {
            throw new OutsideFragmentException($"not a definition the evaluator reads: {Clip(defineFun)}");
        }

        RequireSort(sort);
        var names = new List<string>();
        foreach (var p in parameters.Items)
        {
            if (p is not SList { Items: [Atom { IsSymbol: true } parameter, var parameterSort] })
            {
                throw new OutsideFragmentException($"unreadable parameter {Clip(p)}");
            }

            RequireSort(parameterSort);
            names.Add(parameter.Name);
        }

        _functions[name.Name] = new Function(names, body);
        _constants.Remove(name.Name);
    }

    /// <summary>Whether <paramref name="name"/> has a value or definition.</summary>
    public bool Knows(string name) => _constants.ContainsKey(name) || _functions.ContainsKey(name);

    /// <summary>The Bool value of a ground formula.</summary>
    public bool Holds(SExpr formula) => Evaluate(formula) is Value.Bool b
        ? b.Truth
        : throw new OutsideFragmentException($"not a formula: {Clip(formula)}");

    public Value Evaluate(SExpr term)
    {
        _steps = _maxSteps;
        try
        {
            return Evaluate(term, Scope.Empty);
        }
        finally
        {
            StepsTaken += _maxSteps - Math.Max(0, _steps);
        }
    }

    /// <summary>Terms visited over every evaluation so far.</summary>
    public long StepsTaken { get; private set; }

    /// <summary>Only Int, Real and Bool values are evaluated.</summary>
    public static void RequireSort(SExpr sort)
    {
        if (sort is not Atom { Text: "Int" or "Real" or "Bool" })
        {
            throw new OutsideFragmentException($"sort {Clip(sort)}");
        }
    }

    private Value Evaluate(SExpr term, Scope scope)
    {
        if (--_steps < 0)
        {
            throw new OutsideFragmentException("the evaluation takes too many steps");
        }

        return term switch
        {
            Atom atom => Atom(atom, scope),
            SList { Items: [Atom { IsSymbol: true } head, ..] } list => Apply(head.Name, list, scope),
            _ => throw new OutsideFragmentException($"term {Clip(term)}"),
        };
    }

    private Value Atom(Atom atom, Scope scope)
    {
        switch (atom.Kind)
        {
            case AtomKind.Numeral:
                return new Value.Number(Rational.Parse(atom.Text), IsInt: true);
            case AtomKind.Decimal:
                return new Value.Number(Rational.Parse(atom.Text), IsInt: false);
            case AtomKind.Symbol or AtomKind.QuotedSymbol:
                var name = atom.Name;
                if (scope.Find(name) is { } bound)
                {
                    return bound;
                }

                if (atom.Kind == AtomKind.Symbol && name is "true" or "false")
                {
                    return new Value.Bool(name == "true");
                }

                if (_constants.TryGetValue(name, out var constant))
                {
                    return constant;
                }

                if (_functions.TryGetValue(name, out var nullary) && nullary.Parameters.Count == 0)
                {
                    // Not cached: a nullary definition may refer to constants that change between candidate assignments.
                    return Evaluate(nullary.Body, Scope.Empty);
                }

                throw new OutsideFragmentException($"{atom.Text} has no value");
            default:
                throw new OutsideFragmentException($"literal {atom.Text}");
        }
    }

    private Value Apply(string op, SList list, Scope scope)
    {
        var args = list.Items.Skip(1).ToList();
        switch (op)
        {
            case "let" when args is [SList bindings, var body]:
                var inner = scope;
                foreach (var b in bindings.Items)
                {
                    // Parallel binding: every right-hand side is evaluated in the outer scope.
                    inner = b is SList { Items: [Atom { IsSymbol: true } v, var t] }
                        ? inner.With(v.Name, Evaluate(t, scope))
                        : throw new OutsideFragmentException($"binding {Clip(b)}");
                }

                return Evaluate(body, inner);
            case "!" when args.Count >= 1:
                return Evaluate(args[0], scope);
            case "ite" when args.Count == 3:
                return Evaluate(Truth(args[0], scope) ? args[1] : args[2], scope);
            case "not" when args.Count == 1:
                return Bool(!Truth(args[0], scope));
            case "and":
                return Bool(args.All(a => Truth(a, scope)));
            case "or":
                return Bool(args.Any(a => Truth(a, scope)));
            case "=>" when args.Count >= 2:
                // Right-associative: false only when every premise holds and the conclusion does not.
                return Bool(!args.SkipLast(1).All(a => Truth(a, scope)) || Truth(args[^1], scope));
            case "xor" when args.Count >= 2:
                return Bool(args.Aggregate(false, (acc, a) => acc ^ Truth(a, scope)));
            case "=" when args.Count >= 2:
                {
                    var values = args.Select(a => Evaluate(a, scope)).ToList();
                    return Bool(values.Zip(values.Skip(1)).All(p => Same(p.First, p.Second)));
                }

            case "distinct" when args.Count >= 2:
                {
                    var values = args.Select(a => Evaluate(a, scope)).ToList();
                    return Bool(values.Select((v, i) => values.Skip(i + 1).All(w => !Same(v, w))).All(x => x));
                }

            case "+" when args.Count >= 1:
                return Arithmetic(args, scope, (a, b) => a + b);
            case "*" when args.Count >= 1:
                return Arithmetic(args, scope, (a, b) => a * b);
            case "-" when args.Count == 1:
                {
                    var n = Number(args[0], scope);
                    return n with { Exact = -n.Exact };
                }

            case "-" when args.Count >= 2:
                return Arithmetic(args, scope, (a, b) => a - b);
            case "/" when args.Count >= 2:
                {
                    var n = Arithmetic(args, scope, (a, b) => b.Numerator.IsZero ? throw new OutsideFragmentException("division by zero", undefined: true) : a / b);
                    return n with { IsInt = false };
                }

            case "div" when args.Count >= 2:
                return Arithmetic(args, scope, (a, b) => Rational.Of(EuclideanDivide(Integer(a), Integer(b)).Quotient));
            case "mod" when args.Count == 2:
                {
                    var (a, b) = (Integer(Number(args[0], scope).Exact), Integer(Number(args[1], scope).Exact));
                    return new Value.Number(Rational.Of(EuclideanDivide(a, b).Remainder), IsInt: true);
                }

            case "abs" when args.Count == 1:
                {
                    var n = Number(args[0], scope);
                    return n with { Exact = n.Exact < Rational.Of(0) ? -n.Exact : n.Exact };
                }

            case "<" when args.Count >= 2:
                return Chain(args, scope, (a, b) => a < b);
            case "<=" when args.Count >= 2:
                return Chain(args, scope, (a, b) => a <= b);
            case ">" when args.Count >= 2:
                return Chain(args, scope, (a, b) => a > b);
            case ">=" when args.Count >= 2:
                return Chain(args, scope, (a, b) => a >= b);
            case "to_real" when args.Count == 1:
                return Number(args[0], scope) with { IsInt = false };
            case "to_int" when args.Count == 1:
                return new Value.Number(Rational.Of(Number(args[0], scope).Exact.Floor()), IsInt: true);
            case "is_int" when args.Count == 1:
                return Bool(Number(args[0], scope).Exact.IsInteger);
        }

        if (scope.Find(op) is null && _functions.TryGetValue(op, out var function) && function.Parameters.Count == args.Count && args.Count > 0)
        {
            var call = Scope.Empty;
            for (var i = 0; i < args.Count; i++)
            {
                call = call.With(function.Parameters[i], Evaluate(args[i], scope));
            }

            return Evaluate(function.Body, call);
        }

        throw new OutsideFragmentException($"{op} with {args.Count} argument(s)");
    }

    /// <summary>
    /// SMT-LIB's integer division: for b ≠ 0, a = b·q + r with 0 ≤ r &lt; |b| (so q rounds down for b &gt; 0 and up for
    /// b &lt; 0). Division by zero has no fixed value in SMT-LIB (a model chooses it).
    /// </summary>
    public static (BigInteger Quotient, BigInteger Remainder) EuclideanDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
        {
            throw new OutsideFragmentException("div or mod by zero", undefined: true);
        }

        var quotient = b.Sign * Rational.Of(a, BigInteger.Abs(b)).Floor();
        return (quotient, a - (b * quotient));
    }

    private static BigInteger Integer(Rational r) =>
        r.IsInteger ? r.Numerator : throw new OutsideFragmentException("div or mod of a number that is not an integer");

    private Value.Number Arithmetic(List<SExpr> args, Scope scope, Func<Rational, Rational, Rational> op)
    {
        var first = Number(args[0], scope);
        var (result, isInt) = (first.Exact, first.IsInt);
        foreach (var a in args.Skip(1))
        {
            var n = Number(a, scope);
            result = op(result, n.Exact);
            isInt &= n.IsInt;
            if (result.Numerator.GetBitLength() > MaxBits || result.Denominator.GetBitLength() > MaxBits)
            {
                throw new OutsideFragmentException("a number too large to evaluate");
            }
        }

        return new Value.Number(result, isInt);
    }

    private Value.Bool Chain(List<SExpr> args, Scope scope, Func<Rational, Rational, bool> compare)
    {
        var values = args.Select(a => Number(a, scope).Exact).ToList();
        return Bool(values.Zip(values.Skip(1)).All(p => compare(p.First, p.Second)));
    }

    private Value.Number Number(SExpr term, Scope scope) => Evaluate(term, scope) as Value.Number
        ?? throw new OutsideFragmentException($"not a number: {Clip(term)}");

    private bool Truth(SExpr term, Scope scope) => Evaluate(term, scope) is Value.Bool b
        ? b.Truth
        : throw new OutsideFragmentException($"not a formula: {Clip(term)}");

    private static bool Same(Value a, Value b) => (a, b) switch
    {
        (Value.Bool x, Value.Bool y) => x.Truth == y.Truth,
        (Value.Number x, Value.Number y) => x.Exact.CompareTo(y.Exact) == 0,
        _ => throw new OutsideFragmentException("= between a Bool and a number"),
    };

    private static Value.Bool Bool(bool truth) => new(truth);

    private static string Clip(SExpr e)
    {
        var text = e.Canonical;
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>Variables bound by <c>let</c> or a function's parameters, innermost first.</summary>
    private sealed record Scope(string? Name, Value? Value, Scope? Outer)
    {
        public static readonly Scope Empty = new(null, null, null);

        public Scope With(string name, Value value) => new(name, value, this);

        public Value? Find(string name)
        {
            for (var s = this; s is not null; s = s.Outer)
            {
                if (s.Name == name)
                {
                    return s.Value;
                }
            }

            return null;
        }
    }
}
