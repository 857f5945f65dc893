using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Pipeline.Grading;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Server;

/// <summary>One validated grading request: everything the grader needs, with no further checks on the input.</summary>
internal sealed record GradeJob(Problem Problem, bool StatementVetted, string Completion, IReadOnlyList<string> Targets, RewardSpec Reward, string? FinishReason, JsonElement? Id)
{
    /// <summary>
    /// Checks a request against the served problems and this server's targets; every problem is a
    /// <see cref="UserInputException"/> whose message says which field is wrong and what would be right.
    /// </summary>
    public static GradeJob From(GradeRequestBody? body, ProblemSet problems, string where = "")
    {
        if (body is null)
        {
            throw new UserInputException($"{where}the request must be a JSON object with at least \"completion\" and \"problem\" (or \"statement\").");
        }

        if (body.Completion is null)
        {
            throw new UserInputException($"{where}\"completion\" is missing: send the model's whole answer as a string (it may be empty).");
        }

        var (problem, vetted) = ProblemOf(body, problems, where);
        var targets = TargetsOf(body, problem, where);
        var reward = RewardOf(body.Reward, where);
        return new GradeJob(problem, vetted, body.Completion, targets, reward, body.FinishReason, body.Id);
    }

    private static (Problem Problem, bool Vetted) ProblemOf(GradeRequestBody body, ProblemSet problems, string where)
    {
        if (body.Problem is not null && body.Statement is not null)
        {
            throw new UserInputException($"{where}send either \"problem\" (an id) or \"statement\" (a canonical statement), not both.");
        }

        if (body.Problem is not null)
        {
            try
            {
                return (problems.Get(body.Problem), true);
            }
            catch (UserInputException e)
            {
                throw new UserInputException($"{where}\"problem\": {e.Message} GET /v1/problems lists them.");
            }
        }

        if (body.Statement is not { } statement)
        {
            throw new UserInputException($"{where}\"problem\" or \"statement\" is required: a problem id from GET /v1/problems, or a canonical statement such as {{\"coq\": \"…Theorem t : … . Admitted.\"}}.");
        }

        Dictionary<string, string> byTarget;
        if (statement.ValueKind == JsonValueKind.String)
        {
            var formal = (body.Targets ?? []).Where(t => CheckTargets.Find(t) is { NeedsStatement: true }).Distinct().ToList();
            if (formal.Count != 1)
            {
                throw new UserInputException($"{where}a \"statement\" string needs exactly one of coq or lean in \"targets\"; otherwise send an object {{\"coq\": …, \"lean\": …}}.");
            }

            byTarget = new() { [formal[0]] = statement.GetString()! };
        }
        else if (statement.ValueKind == JsonValueKind.Object && statement.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String))
        {
            byTarget = statement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }
        else
        {
            throw new UserInputException($"{where}\"statement\" must be a string or an object of strings by target ({{\"coq\": \"…\"}}).");
        }

        try
        {
            return (AdHocProblem.From(byTarget), false);
        }
        catch (UserInputException e)
        {
            throw new UserInputException($"{where}\"statement\": {e.Message}");
        }
    }

    private static List<string> TargetsOf(GradeRequestBody body, Problem problem, string where)
    {
        var targets = body.Targets is null
            ? [.. new[] { CheckTargets.Coq.Name, CheckTargets.Smt.Name }.Where(t => Grader.Applies(problem, t))]
            : body.Targets.ToList();
        if (targets.Count == 0)
        {
            throw new UserInputException($"{where}\"targets\" is empty: name at least one of coq, lean, smt.");
        }

        foreach (var t in targets)
        {
            if (CheckTargets.Find(t) is null)
            {
                throw new UserInputException($"{where}\"targets\": unknown target '{t}'; use coq, lean and/or smt.");
            }

            if (!Grader.Applies(problem, t))
            {
                throw new UserInputException($"{where}\"targets\": problem '{problem.Id}' has no {t} statement, so {t} cannot be graded on it.");
            }
        }

        if (targets.Distinct().Count() != targets.Count)
        {
            throw new UserInputException($"{where}\"targets\" names a target twice.");
        }

        return targets;
    }

    private static RewardSpec RewardOf(JsonElement? reward, string where)
    {
        try
        {
            RewardSpec spec;
            switch (reward)
            {
                case null:
                    spec = new RewardSpec();
                    break;
                case { ValueKind: JsonValueKind.String } name:
                    spec = RewardSpec.Named(name.GetString()!);
                    break;
                case { ValueKind: JsonValueKind.Object } o:
                    var body = o.Deserialize<RewardSpecBody>(ApiJson.Options)!;
                    var named = RewardSpec.Named(body.Kind ?? "binary");
                    spec = named with
                    {
                        FailureReward = body.FailureReward ?? named.FailureReward,
                        CheatPenalty = body.CheatPenalty ?? named.CheatPenalty,
                        RefutedCost = body.RefutedCost ?? named.RefutedCost,
                        AssumptionCost = body.AssumptionCost ?? named.AssumptionCost,
                    };
                    break;
                default:
                    throw new UserInputException($"use \"binary\", \"partial\" or an object {{\"kind\": \"partial\", \"refutedCost\": 0.5, \"assumptionCost\": 0, \"cheatPenalty\": -1, \"failureReward\": 0}}.");
            }

            spec.Validate();
            return spec;
        }
        catch (Exception e) when (e is UserInputException or JsonException)
        {
            throw new UserInputException($"{where}\"reward\": {e.Message}");
        }
    }
}
