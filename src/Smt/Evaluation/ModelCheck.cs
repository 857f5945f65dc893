using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Evaluation;

/// <summary>What evaluating an obligation's assertions under a solver's model showed.</summary>
internal enum ModelCheckResult
{
    /// <summary>Every hypothesis and the negated claim are true under the model: the claim is false, whoever found it.</summary>
    Confirmed,

    /// <summary>Some assertion is false under the model: the solver's "sat" is not backed by its own model.</summary>
    Contradicted,

    /// <summary>The obligation or the model lies outside what the evaluator decides; nothing is concluded.</summary>
    OutsideFragment,
}

/// <summary>
/// Checks a solver's counterexample independently of the solver: the obligation's assertions are evaluated on
/// the tree the audit read, with the model's values and function tables. A ground evaluation takes milliseconds,
/// so a checked model can settle a refutation without waiting for the other solver.
/// </summary>
internal static class ModelCheck
{
    public static (ModelCheckResult Result, string Detail) Check(Obligation obligation, IReadOnlyList<ModelDefinition> model)
    {
        try
        {
            var evaluator = Prepare(obligation, out var assertions);
            foreach (var definition in model)
            {
                if (evaluator.Knows(definition.Name) && IsDefinedByObligation(obligation, definition.Name))
                {
                    continue;
                }

                var (commands, error) = ScriptReader.Read(definition.Source);
                if (error is not null || commands is not [{ Tree: var tree }])
                {
                    return (ModelCheckResult.OutsideFragment, $"unreadable model entry for {definition.Name}");
                }

                evaluator.Define(tree);
            }

            for (var i = 0; i < assertions.Count; i++)
            {
                if (!evaluator.Holds(assertions[i]))
                {
                    var which = i == assertions.Count - 1 ? "the negated claim" : $"hypothesis {i + 1}";
                    return (ModelCheckResult.Contradicted, $"{which} is false under it: {Clip(assertions[i].Canonical)}");
                }
            }

            return (ModelCheckResult.Confirmed, "every assertion holds under the model");
        }
        catch (OutsideFragmentException e)
        {
            return (ModelCheckResult.OutsideFragment, e.Message);
        }
    }

    /// <summary>
    /// An evaluator that knows the obligation's definitions, and the assertions (hypotheses, then the negated claim)
    /// to evaluate; throws <see cref="OutsideFragmentException"/> for an obligation the evaluator cannot decide.
    /// </summary>
    internal static GroundEvaluator Prepare(Obligation obligation, out IReadOnlyList<SExpr> assertions, long maxSteps = 1_000_000)
    {
        var evaluator = new GroundEvaluator(maxSteps);
        var all = new List<SExpr>();
        foreach (var command in obligation.Setup.Append(obligation.NegatedClaim))
        {
            switch (command.Name)
            {
                case "declare-const" when command.Arguments is [_, var sort]:
                    GroundEvaluator.RequireSort(sort);
                    break;
                case "declare-fun" when command.Arguments is [_, SList parameters, var sort]:
                    GroundEvaluator.RequireSort(sort);
                    foreach (var p in parameters.Items)
                    {
                        GroundEvaluator.RequireSort(p);
                    }

                    break;
                case "define-fun":
                    evaluator.Define(command.Tree);
                    break;
                case "assert" when command.Asserted is { } asserted:
                    all.Add(asserted);
                    break;
                case "set-info" or "set-logic" or "set-option":
                    break;
                default:
                    throw new OutsideFragmentException($"({command.Name} ...)");
            }
        }

        assertions = all;
        return evaluator;
    }

    private static bool IsDefinedByObligation(Obligation obligation, string name) =>
        obligation.Setup.Any(c => c.Name == "define-fun" && c.Arguments.FirstOrDefault() is Atom a && a.Name == name);

    private static string Clip(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
