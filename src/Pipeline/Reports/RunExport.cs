using System.Text.Json;
using System.Text.Json.Nodes;
using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Reports;

/// <summary>
/// A run as JSON Lines: one object per line, each with a "type" (run, problem, attempt, artifact, check, result),
/// in a fixed order, so two stores holding the same run export the same lines (timings aside).
/// </summary>
public static class RunExport
{
    private static readonly JsonSerializerOptions Compact = new(ReportJson.Options) { WriteIndented = false };

    private static readonly string[] TimeFields = ["ms", "createdAt", "finishedAt", "checkedAt"];

    /// <param name="includeTimes">False leaves out wall-clock fields (durations, timestamps): for comparing two runs' content.</param>
    public static async Task WriteAsync(TextWriter writer, RunStore store, string runId, bool includeTimes = true, CancellationToken cancellationToken = default)
    {
        var run = store.GetRun(runId);
        foreach (var line in Lines(store, run))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!includeTimes)
            {
                Strip(line);
            }

            await writer.WriteLineAsync(line.ToJsonString(Compact)).ConfigureAwait(false);
        }
    }

    private static IEnumerable<JsonObject> Lines(RunStore store, RunInfo run)
    {
        yield return Typed("run", run);
        foreach (var (id, json) in store.RunProblems(run.Id))
        {
            var problem = JsonNode.Parse(json)!.AsObject();
            problem.Remove("directory");
            problem.Remove("sources");
            yield return Typed("problem", new { ProblemId = id, Problem = problem });
        }

        foreach (var a in store.Attempts(run.Id))
        {
            yield return Typed("attempt", new
            {
                a.Key.ProblemId, a.Key.Sample, a.Key.Stage, a.Key.Target, a.Key.Round,
                a.Prompt, a.Response, a.Reasoning, a.InputTokens, a.OutputTokens, a.FinishReason, a.Ms,
                a.Model, a.Sampling, a.Answer,
            });
        }

        foreach (var a in store.Artifacts(run.Id))
        {
            yield return Typed("artifact", a);
        }

        foreach (var c in store.Checks(run.Id))
        {
            yield return Typed("check", new { c.ProblemId, c.Sample, c.Target, c.Round, c.Pass, c.Report, c.Ms });
        }

        foreach (var p in RunSummary.Build(store, run))
        {
            foreach (var t in p.Targets)
            {
                yield return Typed("result", new { p.ProblemId, t.Target, t.Verdict, t.VerdictText, t.SamplesVerified, t.Samples, t.SamplesUnfinished, t.RoundsToVerify, t.RoundsUsed, p.Tokens });
            }
        }
    }

    private static JsonObject Typed<T>(string type, T value)
    {
        var node = JsonSerializer.SerializeToNode(value, ReportJson.Options)!.AsObject();
        var typed = new JsonObject { ["type"] = type };
        foreach (var (k, v) in node.ToList())
        {
            node.Remove(k);
            typed[k] = v;
        }

        return typed;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var f in TimeFields)
                {
                    o.Remove(f);
                }

                foreach (var (_, v) in o.ToList())
                {
                    Strip(v);
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    Strip(v);
                }

                break;
        }
    }
}
