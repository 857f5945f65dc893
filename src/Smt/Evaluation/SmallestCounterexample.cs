using System.Numerics;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Evaluation;

/// <summary>
/// The counterexample a portfolio shows when a step is false: the first assignment of small values, in a fixed
/// order, under which every hypothesis and the negated claim evaluate to true. It depends on the obligation
/// alone, not on which solver answered first, so a racing portfolio can stop at the first checked refutation and
/// still show the same counterexample on every run. Found by evaluation, it needs no solver's word either.
/// </summary>
internal static class SmallestCounterexample
{
    /// <summary>Assignments tried before giving up; a count, not a time, so the outcome is the same on every machine.</summary>
    public const int Budget = 20_000;

    /// <summary>Terms visited over the whole search before giving up, so a large step costs no more than a small one (well under a second).</summary>
    private const long MaxSteps = 2_000_000;

    /// <summary>
    /// Values are tried by size: 0, 1, -1, 2, -2… for numbers, false before true; an assignment of rank k (its
    /// largest value's rank) comes before any of rank k + 1. Null when the obligation declares anything but Int,
    /// Real or Bool constants, lies outside the evaluator's fragment, or has no such assignment within the budget.
    /// </summary>
    public static string? Find(Obligation obligation, int budget = Budget)
    {
        GroundEvaluator evaluator;
        IReadOnlyList<SExpr> assertions;
        var constants = new List<(string Name, string Written, bool IsBool)>();
        try
        {
            evaluator = ModelCheck.Prepare(obligation, out assertions);
            foreach (var c in obligation.Setup)
            {
                switch (c)
                {
                    case { Name: "declare-const", Arguments: [Atom name, Atom sort] }:
                        constants.Add((name.Name, name.Text, sort.Text == "Bool"));
                        break;
                    case { Name: "declare-fun", Arguments: [Atom name, SList { Items.Count: 0 }, Atom sort] }:
                        constants.Add((name.Name, name.Text, sort.Text == "Bool"));
                        break;
                    case { Name: "declare-fun" }:
                        return null;
                }
            }
        }
        catch (OutsideFragmentException)
        {
            return null;
        }

        constants = [.. constants.DistinctBy(c => c.Name, StringComparer.Ordinal)];
        var ranks = new int[constants.Count];
        var tried = 0;
        for (var level = 0; tried < budget; level++)
        {
            if (constants.Count == 0 && level > 0)
            {
                return null;
            }

            // Every assignment whose ranks are all <= level and at least one == level, in lexicographic order.
            Array.Fill(ranks, 0);
            while (true)
            {
                if (ranks.Length == 0 || ranks.Contains(level))
                {
                    if (tried++ >= budget || evaluator.StepsTaken > MaxSteps)
                    {
                        return null;
                    }

                    try
                    {
                        if (Satisfies(evaluator, assertions, constants, ranks) is { } found)
                        {
                            return found;
                        }
                    }
                    catch (OutsideFragmentException)
                    {
                        // The step uses something the evaluator does not decide: no assignment will do better.
                        return null;
                    }
                }

                if (!Next(ranks, constants, level))
                {
                    break;
                }
            }

            if (constants.All(c => c.IsBool) && level >= 1)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The next tuple of ranks, each at most <paramref name="level"/> (a Bool at most 1), like an odometer.</summary>
    private static bool Next(int[] ranks, List<(string Name, string Written, bool IsBool)> constants, int level)
    {
        for (var i = ranks.Length - 1; i >= 0; i--)
        {
            var max = constants[i].IsBool ? Math.Min(1, level) : level;
            if (ranks[i] < max)
            {
                ranks[i]++;
                return true;
            }

            ranks[i] = 0;
        }

        return false;
    }

    private static string? Satisfies(GroundEvaluator evaluator, IReadOnlyList<SExpr> assertions, List<(string Name, string Written, bool IsBool)> constants, int[] ranks)
    {
        var values = new Value[constants.Count];
        for (var i = 0; i < constants.Count; i++)
        {
            // Rank 0, 1, 2, 3, 4… is the value 0, 1, -1, 2, -2…
            values[i] = constants[i].IsBool
                ? new Value.Bool(ranks[i] == 1)
                : new Value.Number(Rational.Of(ranks[i] % 2 == 1 ? new BigInteger((ranks[i] + 1) / 2) : -new BigInteger(ranks[i] / 2)), IsInt: true);
            evaluator.SetConstant(constants[i].Name, values[i]);
        }

        try
        {
            if (!assertions.All(evaluator.Holds))
            {
                return null;
            }
        }
        catch (OutsideFragmentException e) when (e.Undefined)
        {
            // Division by zero under this assignment: its value would be the model's choice; try the next one.
            return null;
        }

        return string.Join(", ", constants.Select((c, i) => $"{c.Written} = {values[i]}"));
    }
}
