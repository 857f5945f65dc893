using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.LeanBridge.Messages;
using ProofCheck.LeanBridge.Running;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Repl;

/// <summary>
/// REPL mode, the fast path of the repair loop: the submission's body is run in a warm REPL that already imported
/// its header. A failure found here is final (Failed, Rejected, Timeout) and comes with goals for repair; a clean
/// answer is never a verdict of its own: the caller then runs file mode, where gate (b) decides.
/// </summary>
public static class ReplModeCheck
{
    /// <summary>The outcome, or null when the REPL found nothing wrong (go on to file mode).</summary>
    public static async Task<LeanOutcome?> RunAsync(ReplPool pool, string candidateModule, ExtractedLean extracted, int lineOffset, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (header, body, headerLines) = Split(candidateModule);
        JsonNode answer;
        try
        {
            answer = await pool.UseAsync(header, timeout, s => s.CheckAsync(body, timeout, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ReplTimeoutException e)
        {
            return new LeanOutcome(Verdict.Timeout, [Diagnostic.Error(e.Message, null, "repl")]);
        }
        catch (ReplFailedException e)
        {
            return new LeanOutcome(Verdict.Failed, [Diagnostic.Error(e.Message + " A fresh REPL will be started for the next check.", null, "repl")]);
        }

        return Interpret(answer, extracted, headerLines, lineOffset);
    }

    /// <summary>Kimina's reading of a REPL answer: any error message fails, otherwise any sorry rejects.</summary>
    internal static LeanOutcome? Interpret(JsonNode answer, ExtractedLean extracted, int bodyLineShift, int prependedLines)
    {
        if (answer["message"] is JsonValue message && answer["env"] is null)
        {
            return new LeanOutcome(Verdict.Failed, [Diagnostic.Error("the Lean REPL refused the request: " + (string?)message, null, "repl")]);
        }

        var messages = new List<LeanMessage>();
        if (answer["messages"] is JsonArray array)
        {
            foreach (var node in array)
            {
                using var doc = JsonDocument.Parse(node?.ToJsonString() ?? "null");
                if (LeanMessage.FromJson(doc.RootElement) is { } m)
                {
                    // Lines in the answer count from the body; shift them to the module, then back to the model's text.
                    messages.Add(m with { Line = m.Line + bodyLineShift, EndLine = m.EndLine + bodyLineShift });
                }
            }
        }

        var diagnostics = messages.Where(m => m.Severity != DiagnosticSeverity.Information || m.Goal is not null)
            .Select(m => FileModeCheck.ToDiagnostic(m, extracted, prependedLines) with { Source = "repl" }).ToList();
        var errors = messages.Where(m => m.IsError).ToList();
        if (errors.Count > 0)
        {
            return new LeanOutcome(errors.All(e => e.IsHeartbeatTimeout) ? Verdict.Timeout : Verdict.Failed, diagnostics);
        }

        if (answer["sorries"] is JsonArray { Count: > 0 } sorries)
        {
            var goals = sorries.Select(s => (string?)s?["goal"]).Where(g => g is not null);
            return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error("the proof uses sorry", null, "repl") with { Goal = string.Join("\n\n", goals) }]);
        }

        return null;
    }

    /// <summary>Header (the import lines) and body of a module, and how many lines the header took.</summary>
    internal static (string Header, string Body, int HeaderLines) Split(string module)
    {
        var file = LeanSyntax.Parse(module);
        var headerLines = file.Imports.Count == 0 ? 0 : file.Imports[^1].Line;
        var lines = module.Split('\n');
        var header = string.Join('\n', lines.Take(headerLines).Where(l => l.Trim().Length > 0));
        return (header, string.Join('\n', lines.Skip(headerLines)), headerLines);
    }

    /// <summary>How to start one REPL process for <paramref name="lean"/> with its own <paramref name="work"/> folder: in the project, with lake's environment and a memory cap.</summary>
    public static ProcessCommand Command(LeanInstallation lean, LeanRunSettings settings, string work)
    {
        var command = LeanModuleRunner.Command(lean, lean.Repl!, work, settings with { Timeout = Timeout.InfiniteTimeSpan })
            .WithTimeout(null)
            .WithWorkingDirectory(lean.ProjectDirectory ?? work);
        if (!settings.Sandboxed && ExecutableResolver.Resolve("prlimit") is { } prlimit)
        {
            // Without the sandbox, prlimit still caps the address space (the sandbox applies the same cap itself).
            command = command with
            {
                Program = prlimit,
                Arguments = ["--as=" + settings.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture), "--", lean.Repl!, .. command.Arguments],
            };
        }

        return command;
    }
}
