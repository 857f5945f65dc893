using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// Names an obligation may not declare, define or bind: what the SMT-LIB theories and the language define.
/// z3 4.8 honours <c>(define-fun not ((b Bool)) Bool b)</c>, after which a claim means something other than it
/// reads; cvc5 refuses such shadowing. The audit refuses it for both.
/// </summary>
internal static class TheorySymbols
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        // Language words (SMT-LIB 2.6, section 3.1) and command names.
        "!", "_", "as", "BINARY", "DECIMAL", "exists", "forall", "HEXADECIMAL", "lambda", "let", "match", "NUMERAL", "par", "STRING",
        "assert", "check-sat", "check-sat-assuming", "declare-const", "declare-datatype", "declare-datatypes", "declare-fun",
        "declare-sort", "define-fun", "define-fun-rec", "define-funs-rec", "define-sort", "echo", "exit", "get-assertions",
        "get-assignment", "get-info", "get-model", "get-option", "get-proof", "get-unsat-assumptions", "get-unsat-core",
        "get-value", "pop", "push", "reset", "reset-assertions", "set-info", "set-logic", "set-option",

        // Core.
        "Bool", "true", "false", "not", "=>", "and", "or", "xor", "=", "distinct", "ite",

        // Integers and reals.
        "Int", "Real", "+", "-", "*", "/", "div", "mod", "abs", "<=", "<", ">=", ">", "to_real", "to_int", "is_int", "divisible",

        // Arrays.
        "Array", "select", "store",

        // Bit-vectors.
        "BitVec", "concat", "extract", "repeat", "zero_extend", "sign_extend", "rotate_left", "rotate_right",
        "bvnot", "bvand", "bvor", "bvneg", "bvadd", "bvmul", "bvudiv", "bvurem", "bvshl", "bvlshr", "bvult", "bvnand",
        "bvnor", "bvxor", "bvxnor", "bvcomp", "bvsub", "bvsdiv", "bvsrem", "bvsmod", "bvashr", "bvule", "bvugt", "bvuge",
        "bvslt", "bvsle", "bvsgt", "bvsge", "bv2nat", "nat2bv", "bv2int", "int2bv", "bvredor", "bvredand",
        "bvnego", "bvuaddo", "bvsaddo", "bvumulo", "bvsmulo", "bvumul_noovfl", "bvsmul_noovfl", "bvsmul_noudfl",

        // Strings, sequences, regular expressions.
        "String", "RegLan", "Seq", "char",

        // Floating point.
        "FloatingPoint", "Float16", "Float32", "Float64", "Float128", "RoundingMode", "fp", "to_fp", "to_fp_unsigned",
        "RNE", "RNA", "RTP", "RTN", "RTZ", "roundNearestTiesToEven", "roundNearestTiesToAway", "roundTowardPositive",
        "roundTowardNegative", "roundTowardZero", "+oo", "-oo", "+zero", "-zero", "NaN",
    };

    /// <summary>Theory operator families, and SMT-LIB's reservation of names starting with '@' or '.' for solvers.</summary>
    private static readonly string[] ReservedPrefixes = ["str.", "re.", "seq.", "fp.", "int.", "char.", "@", "."];

    public static bool IsReserved(string name) =>
        Reserved.Contains(name) || ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Every symbol a command introduces (declared, defined or bound), wherever it stands in the command.</summary>
    public static IEnumerable<Atom> Introduced(ScriptCommand command)
    {
        var args = command.Arguments;
        switch (command.Name)
        {
            case "declare-const" or "declare-fun" or "declare-sort" when args.Count > 0:
                foreach (var a in Names(args[0]))
                {
                    yield return a;
                }

                break;
            case "define-fun" or "define-fun-rec" or "define-sort" when args.Count > 0:
                foreach (var a in Names(args[0]))
                {
                    yield return a;
                }

                if (args.Count > 1 && args[1] is SList parameters)
                {
                    foreach (var p in parameters.Items)
                    {
                        foreach (var a in Names(p is SList { Items.Count: > 0 } sorted ? sorted.Items[0] : p))
                        {
                            yield return a;
                        }
                    }
                }

                break;
            case "define-funs-rec" when args.Count > 0 && args[0] is SList declarations:
                foreach (var declaration in declarations.Items.OfType<SList>())
                {
                    foreach (var a in Names(declaration.Items.FirstOrDefault()))
                    {
                        yield return a;
                    }

                    if (declaration.Items.Count > 1 && declaration.Items[1] is SList recParameters)
                    {
                        foreach (var p in recParameters.Items.OfType<SList>())
                        {
                            foreach (var a in Names(p.Items.FirstOrDefault()))
                            {
                                yield return a;
                            }
                        }
                    }
                }

                break;
            case "declare-datatype" when args.Count > 1:
                foreach (var a in Names(args[0]).Concat(Constructors(args[1])))
                {
                    yield return a;
                }

                break;
            case "declare-datatypes" when args.Count > 1 && args[0] is SList sorts && args[1] is SList bodies:
                foreach (var sort in sorts.Items.OfType<SList>())
                {
                    foreach (var a in Names(sort.Items.FirstOrDefault()))
                    {
                        yield return a;
                    }
                }

                foreach (var a in bodies.Items.SelectMany(Constructors))
                {
                    yield return a;
                }

                break;
        }

        foreach (var a in Bound(command.Tree))
        {
            yield return a;
        }
    }

    private static IEnumerable<Atom> Names(SExpr? e) => e is Atom { IsSymbol: true } a ? [a] : [];

    /// <summary>Constructor and selector names of one datatype body, <c>((C (sel S)) (N))</c> or <c>(par (T) (...))</c>.</summary>
    private static IEnumerable<Atom> Constructors(SExpr body)
    {
        if (body is not SList list)
        {
            yield break;
        }

        var constructors = list is { Head: "par", Items.Count: 3 } && list.Items[2] is SList inner ? inner : list;
        foreach (var constructor in constructors.Items.OfType<SList>())
        {
            foreach (var a in Names(constructor.Items.FirstOrDefault()))
            {
                yield return a;
            }

            foreach (var selector in constructor.Items.Skip(1).OfType<SList>())
            {
                foreach (var a in Names(selector.Items.FirstOrDefault()))
                {
                    yield return a;
                }
            }
        }
    }

    /// <summary>Variables bound by <c>let</c>, <c>forall</c>, <c>exists</c> and <c>lambda</c> anywhere in the tree.</summary>
    private static IEnumerable<Atom> Bound(SExpr root)
    {
        var stack = new Stack<SExpr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not SList list)
            {
                continue;
            }

            if (list.Head is "let" or "forall" or "exists" or "lambda" && list.Items.Count > 1 && list.Items[1] is SList bindings)
            {
                foreach (var binding in bindings.Items.OfType<SList>())
                {
                    foreach (var a in Names(binding.Items.FirstOrDefault()))
                    {
                        yield return a;
                    }
                }
            }

            foreach (var item in list.Items)
            {
                stack.Push(item);
            }
        }
    }
}
