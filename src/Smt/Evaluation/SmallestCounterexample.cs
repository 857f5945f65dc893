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
        var reads = LastConstantRead(obligation, assertions, constants);
        var ranks = new int[constants.Count];
        var tried = 0;

        // Steps the assignments passed over without evaluating would have taken (see below): they count against
        // MaxSteps exactly as if each had been evaluated.
        var skippedSteps = 0L;
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
                    if (tried++ >= budget || evaluator.StepsTaken + skippedSteps > MaxSteps)
                    {
                        return null;
                    }

                    var stepsBefore = evaluator.StepsTaken;
                    int failedAt;
                    try
                    {
                        (var found, failedAt) = Satisfies(evaluator, assertions, constants, ranks);
                        if (found is not null)
                        {
                            return found;
                        }
                    }
                    catch (OutsideFragmentException)
                    {
                        // The step uses something the evaluator does not decide: no assignment will do better.
                        return null;
                    }

                    // The assertions evaluated so far read only the constants up to `fixedUpTo`. Every other assignment
                    // of this level that keeps those constants' values (the rest of this block of the odometer, which
                    // only changes later constants) evaluates them the same way, in as many steps, and fails at the same
                    // assertion; this is the block's first one tried, since an earlier one would have failed the same
                    // way and passed over the block. Each of the others is counted against the budget and MaxSteps as
                    // if it had been tried, and passed over: the result (the first assignment that satisfies the step,
                    // or none within the budget) is the one trying each would give, in a fraction of the time (a
                    // hypothesis such as x > 40 rules out whole blocks: 8-17 ms on each refuted step of SmtBench, now 0.5-1).
                    var fixedUpTo = reads.Take(failedAt + 1).DefaultIfEmpty(-1).Max();
                    if (fixedUpTo < ranks.Length - 1)
                    {
                        var steps = evaluator.StepsTaken - stepsBefore;
                        var others = OtherAssignmentsInBlock(ranks, fixedUpTo, constants, level, budget);
                        for (var i = 0; i < others; i++)
                        {
                            if (tried++ >= budget || evaluator.StepsTaken + skippedSteps > MaxSteps)
                            {
                                return null;
                            }

                            skippedSteps += steps;
                        }

                        for (var i = fixedUpTo + 1; i < ranks.Length; i++)
                        {
                            ranks[i] = MaxRank(constants[i], level);
                        }
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
            var max = MaxRank(constants[i], level);
            if (ranks[i] < max)
            {
                ranks[i]++;
                return true;
            }

            ranks[i] = 0;
        }

        return false;
    }

    private static int MaxRank((string Name, string Written, bool IsBool) constant, int level) => constant.IsBool ? Math.Min(1, level) : level;

    /// <summary>
    /// How many assignments of this level come after <paramref name="ranks"/> in its block: those that keep the ranks
    /// up to <paramref name="fixedUpTo"/> and take any ranks after it, with at least one rank equal to the level. Never
    /// more than <paramref name="cap"/> (the caller stops at the budget anyway; a product of ranks can be huge).
    /// </summary>
    private static int OtherAssignmentsInBlock(int[] ranks, int fixedUpTo, List<(string Name, string Written, bool IsBool)> constants, int level, int cap)
    {
        BigInteger all = 1, withoutLevel = 1;
        for (var i = fixedUpTo + 1; i < ranks.Length; i++)
        {
            var max = MaxRank(constants[i], level);
            all *= max + 1;
            withoutLevel *= max == level ? max : max + 1;
        }

        var fixedHasLevel = ranks.Take(fixedUpTo + 1).Contains(level);
        var inBlock = fixedHasLevel ? all : all - withoutLevel;
        return (int)BigInteger.Min(inBlock - 1, cap);
    }

    /// <summary>
    /// For each assertion, the position (in <paramref name="constants"/>) of the last constant it may read, directly or
    /// through the obligation's <c>define-fun</c>s; -1 when it reads none. Every symbol in a term counts, bound or not:
    /// reading too much only makes fewer assignments skippable, never a different result.
    /// </summary>
    private static int[] LastConstantRead(Obligation obligation, IReadOnlyList<SExpr> assertions, List<(string Name, string Written, bool IsBool)> constants)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < constants.Count; i++)
        {
            position[constants[i].Name] = i;
        }

        var definitions = new Dictionary<string, SExpr>(StringComparer.Ordinal);
        foreach (var c in obligation.Setup)
        {
            if (c is { Name: "define-fun", Arguments: [Atom { IsSymbol: true } name, ..] })
            {
                definitions[name.Name] = c.Tree;
            }
        }

        return [.. assertions.Select(LastRead)];

        int LastRead(SExpr term)
        {
            var last = -1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<SExpr>([term]);
            while (pending.TryPop(out var node))
            {
                if (node is SList list)
                {
                    foreach (var item in list.Items)
                    {
                        pending.Push(item);
                    }
                }
                else if (node is Atom { IsSymbol: true } atom && seen.Add(atom.Name))
                {
                    last = Math.Max(last, position.GetValueOrDefault(atom.Name, -1));
                    if (definitions.TryGetValue(atom.Name, out var definition))
                    {
                        pending.Push(definition);
                    }
                }
            }

            return last;
        }
    }

    /// <summary>The assignment written out when it satisfies every assertion; else the first assertion that is false or has no value under it.</summary>
    private static (string? Found, int FailedAt) Satisfies(GroundEvaluator evaluator, IReadOnlyList<SExpr> assertions, List<(string Name, string Written, bool IsBool)> constants, int[] ranks)
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

        for (var a = 0; a < assertions.Count; a++)
        {
            try
            {
                if (!evaluator.Holds(assertions[a]))
                {
                    return (null, a);
                }
            }
            catch (OutsideFragmentException e) when (e.Undefined)
            {
                // Division by zero under this assignment: its value would be the model's choice; try the next one.
                return (null, a);
            }
        }

        return (string.Join(", ", constants.Select((c, i) => $"{c.Written} = {values[i]}")), -1);
    }
}
