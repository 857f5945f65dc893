using System.Text;
using System.Text.RegularExpressions;
using ProofCheck.Core;
using ProofCheck.Smt.Evaluation;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Parsing;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Checking;

/// <summary>
/// Decides one obligation on one solver session, inside its own push/pop scope:
/// first the hypotheses alone (a vacuous obligation is refused), then the negated claim, then the model or the
/// reason for "unknown". Every answer is read with the grammar; anything unexpected ends in a verdict that is
/// not Verified.
/// </summary>
internal static partial class ObligationRun
{
    /// <summary>
    /// Slack on top of the solver's own per-query limit before the process counts as hung and is killed. z3 4.8
    /// does not check its soft limit inside some nonlinear-arithmetic loops (a 10 s limit was seen to answer
    /// after 17 s), so the slack grows with the limit; beyond it the wall clock decides.
    /// </summary>
    private static TimeSpan HangGrace(TimeSpan limit) => TimeSpan.FromSeconds(Math.Max(2, limit.TotalSeconds / 2));

    /// <summary>
    /// Decides the obligation in the warm process. A warm z3 gives different models for the same obligation depending
    /// on what it decided earlier (5 of 40 random histories on z3 4.8.12; cvc5 1.0.3 gave the same model in all 40), a
    /// reset z3 gives the model a new process gives (40 of 40). So a z3 refutation from a process that had decided
    /// before is computed again from a reset state when <paramref name="reproducibleModel"/> is set, and otherwise
    /// marked <see cref="SolverOutcome.ModelFromWarmState"/> for the caller to reproduce once it knows the model is
    /// the one shown. A z3 reset costs about 10 ms, too much for every obligation, so only such refutations pay it.
    /// </summary>
    public static async Task<SolverOutcome> RunAsync(SolverSession session, Obligation obligation, TimeSpan queryLimit, bool reproducibleModel, CancellationToken cancellationToken)
    {
        var pristine = !session.HasDecided;
        var warm = await DecideAsync(session, obligation, queryLimit, reset: false, cancellationToken).ConfigureAwait(false);
        if (warm.Verdict != Verdict.Refuted || pristine || session.Profile != SolverProfile.Z3)
        {
            return warm;
        }

        return reproducibleModel && session.IsUsable
            ? await ReproduceAsync(session, warm, obligation, queryLimit, cancellationToken).ConfigureAwait(false)
            : warm with { ModelFromWarmState = true };
    }

    /// <summary>Decides a refuted obligation again from a reset state and returns that refutation, with the model it gives.</summary>
    public static async Task<SolverOutcome> ReproduceAsync(SolverSession session, SolverOutcome warm, Obligation obligation, TimeSpan queryLimit, CancellationToken cancellationToken)
    {
        var reset = await DecideAsync(session, obligation, queryLimit, reset: true, cancellationToken).ConfigureAwait(false);
        var solver = session.Profile.Name;
        return reset.Verdict switch
        {
            Verdict.Refuted => reset,
            Verdict.Verified or Verdict.Rejected => new SolverOutcome(Verdict.Failed, solver)
            {
                HypothesesAnswer = warm.HypothesesAnswer,
                ClaimAnswer = warm.ClaimAnswer,
                Diagnostics = [Diagnostic.Error($"{solver} contradicts itself: it refuted the claim, then said {reset.Verdict} for the same obligation from a reset state; this obligation is not Verified", obligation.Span, solver)],
            },
            _ => warm with
            {
                ModelFromWarmState = false,
                Diagnostics = [.. warm.Diagnostics, new Diagnostic(DiagnosticSeverity.Information, $"{solver} could not compute the model again from a reset state ({reset.Verdict}); this counterexample may differ between runs", obligation.Span) { Source = solver }],
            },
        };
    }

    private static async Task<SolverOutcome> DecideAsync(SolverSession session, Obligation obligation, TimeSpan queryLimit, bool reset, CancellationToken cancellationToken)
    {
        session.NoteDecision();
        var solver = session.Profile.Name;
        var wallClock = queryLimit + HangGrace(queryLimit);
        var sent = new List<(int SessionLine, ScriptCommand Command)>();

        // A reset solver gets its options again (a reset clears them).
        var header = reset ? $"(reset)\n{session.Profile.Prelude(queryLimit)}(push 1)\n" : "(push 1)\n";
        var setup = new StringBuilder(header);
        var line = session.LinesWritten + header.Count(c => c == '\n') + 1;
        foreach (var command in obligation.Setup)
        {
            sent.Add((line, command));
            setup.Append(command.Text).Append('\n');
            line += command.Text.Count(c => c == '\n') + 1;
        }

        setup.Append("(check-sat)\n");

        // Both questions go out at once (one round trip): the negated claim is asserted after the hypotheses'
        // check-sat, so the first answer is about the hypotheses alone and the second about the claim.
        var hypothesesRequest = await session.BeginAsync(setup.ToString(), cancellationToken).ConfigureAwait(false);
        var claimSent = new List<(int SessionLine, ScriptCommand Command)> { (session.LinesWritten + 1, obligation.NegatedClaim) };
        var claimRequest = await session.BeginAsync(obligation.NegatedClaim.Text + "\n(check-sat)\n", cancellationToken).ConfigureAwait(false);

        var hypotheses = await AnswerAsync(session, hypothesesRequest, wallClock, sent, cancellationToken).ConfigureAwait(false);
        if (hypotheses.Outcome is { } stopped)
        {
            // Every such outcome has already made the session unusable, so the pending claim answer is never read.
            return await CloseAsync(session, stopped, cancellationToken).ConfigureAwait(false);
        }

        var claim = await AnswerAsync(session, claimRequest, wallClock, claimSent, cancellationToken).ConfigureAwait(false);
        if (claim.Outcome is { } failed)
        {
            return await CloseAsync(session, failed with { HypothesesAnswer = hypotheses.Answer }, cancellationToken).ConfigureAwait(false);
        }

        var outcome = new SolverOutcome(Verdict.Unknown, solver) { HypothesesAnswer = hypotheses.Answer, ClaimAnswer = claim.Answer };
        var limitText = $"{queryLimit.TotalSeconds:0.###} s";
        if (hypotheses.Answer == "unsat")
        {
            return await CloseAsync(session, outcome with
            {
                Verdict = Verdict.Rejected,
                Diagnostics = [Diagnostic.Error("vacuous: the hypotheses contradict each other, so the claim would follow from anything", obligation.Span, solver)],
            }, cancellationToken).ConfigureAwait(false);
        }

        switch (claim.Answer)
        {
            case "sat":
                // A model of hypotheses plus negated claim also shows the hypotheses consistent.
                var model = await ModelAsync(session, obligation, wallClock, cancellationToken).ConfigureAwait(false);
                if (model.Counterexample is null)
                {
                    return await CloseAsync(session, outcome with { Verdict = Verdict.Refuted, Diagnostics = [Diagnostic.Error($"the claim is false, but the counterexample could not be read: {model.Problem}", obligation.Span, solver)] }, cancellationToken).ConfigureAwait(false);
                }

                // The model is checked by evaluating the step under it, without the solver. A model that makes an
                // assertion false is a solver fault: the step is not Refuted on its strength (another solver may still
                // refute it). One the evaluator cannot decide (strings, arrays…) is taken on the solver's word, as before.
                var (check, detail) = ModelCheck.Check(obligation, model.Definitions);
                return await CloseAsync(session, check == ModelCheckResult.Contradicted
                    ? outcome with { Verdict = Verdict.Failed, Diagnostics = [Diagnostic.Error($"{solver} said the claim is false, but its model ({model.Counterexample}) does not satisfy the step: {detail}. A solver fault; this obligation is not Refuted on its strength", obligation.Span, solver)] }
                    : outcome with { Verdict = Verdict.Refuted, Counterexample = model.Counterexample, ModelConfirmed = check == ModelCheckResult.Confirmed }, cancellationToken).ConfigureAwait(false);
            case "unsat" when hypotheses.Answer == "sat":
                return await CloseAsync(session, outcome with { Verdict = Verdict.Verified }, cancellationToken).ConfigureAwait(false);
            case "unsat":
                return await CloseAsync(session, outcome with
                {
                    Verdict = hypotheses.Answer == "timeout" ? Verdict.Timeout : Verdict.Unknown,
                    Diagnostics = [Diagnostic.Error($"the claim follows from the hypotheses, but {solver} could not decide whether the hypotheses are consistent (limit {limitText}); a possibly vacuous step is not Verified", obligation.Span, solver)],
                }, cancellationToken).ConfigureAwait(false);
            default:
                // The last check was the claim's, so :reason-unknown is about it.
                var reason = await ReasonUnknownAsync(session, wallClock, cancellationToken).ConfigureAwait(false);
                var about = hypotheses.Answer == "sat" ? "the claim" : "the claim or whether the hypotheses are consistent";
                return await CloseAsync(session, IsLimit(claim.Answer, reason)
                    ? outcome with { Verdict = Verdict.Timeout, Diagnostics = [Diagnostic.Error($"{solver} hit the limit of {limitText} deciding {about}", obligation.Span, solver)] }
                    : outcome with { Verdict = Verdict.Unknown, Diagnostics = [Diagnostic.Error($"{solver} could not decide {about}: {reason}", obligation.Span, solver)] }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the obligation's scope; a z3 that hit its limit is retired, because it misbehaves afterwards.</summary>
    private static async Task<SolverOutcome> CloseAsync(SolverSession session, SolverOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Verdict == Verdict.Timeout && session.Profile.Name == "z3")
        {
            session.Retire();
        }

        if (session.IsUsable)
        {
            await session.SendQuietAsync("(pop 1)\n", cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Reads the answer to a request that ends in one check-sat, or the outcome that ends the obligation early.</summary>
    private static async Task<(string? Answer, SolverOutcome? Outcome)> AnswerAsync(
        SolverSession session, string sentinel, TimeSpan wallClock, IReadOnlyList<(int SessionLine, ScriptCommand Command)> sent, CancellationToken cancellationToken)
    {
        var solver = session.Profile.Name;
        var reply = await session.ReadReplyAsync(sentinel, wallClock, cancellationToken).ConfigureAwait(false);
        var (responses, syntax) = ResponseReader.Read(reply.Output);
        var errors = responses.OfType<SolverResponse.Error>().Select(e => Locate(solver, e.Message, sent)).ToList();
        if (errors.Count > 0)
        {
            // cvc5 exits after an input error; z3 goes on. Either way the obligation does not check, and the
            // process is not reused: after an error nothing guarantees its state is what the checker believes.
            session.Retire();
            return (null, new SolverOutcome(Verdict.Failed, solver) { Diagnostics = errors });
        }

        if (reply.Status != ReplyStatus.Complete)
        {
            var what = reply.Status == ReplyStatus.Hung
                ? $"{solver} did not answer within {wallClock.TotalSeconds:0.###} s and was killed"
                : $"{solver} exited{(session.ExitCode is { } code ? $" (exit code {code})" : string.Empty)} without answering{Tail(reply.StandardError)}";
            return (null, new SolverOutcome(reply.Status == ReplyStatus.Hung ? Verdict.Timeout : Verdict.Unknown, solver)
            {
                // Only a crash earns a retry: a hang would cost the whole limit again for the same answer.
                SolverLost = reply.Status == ReplyStatus.Exited,
                Diagnostics = [Diagnostic.Error(what, null, solver)],
            });
        }

        var answers = responses.OfType<SolverResponse.CheckSat>().ToList();
        if (syntax is not null || answers.Count != 1 || responses.Count != 1)
        {
            session.Kill();
            return (null, new SolverOutcome(Verdict.Unknown, solver)
            {
                Diagnostics = [Diagnostic.Error($"{solver} gave an answer that is not a plain sat/unsat/unknown: {Clip(reply.Output)}", null, solver)],
            });
        }

        return (answers[0].Answer, null);
    }

    private static async Task<string> ReasonUnknownAsync(SolverSession session, TimeSpan wallClock, CancellationToken cancellationToken)
    {
        var reply = await session.SendAsync("(get-info :reason-unknown)\n", wallClock, cancellationToken).ConfigureAwait(false);
        var (responses, _) = ResponseReader.Read(reply.Output);
        var reason = responses.OfType<SolverResponse.Info>().Select(i => i.Values.GetValueOrDefault("reason-unknown")).FirstOrDefault();
        return string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason;
    }

    private static async Task<(string? Counterexample, IReadOnlyList<ModelDefinition> Definitions, string? Problem)> ModelAsync(SolverSession session, Obligation obligation, TimeSpan wallClock, CancellationToken cancellationToken)
    {
        var reply = await session.SendAsync("(get-model)\n", wallClock, cancellationToken).ConfigureAwait(false);
        if (reply.Status != ReplyStatus.Complete)
        {
            return (null, [], $"{session.Profile.Name} stopped while printing the model");
        }

        var output = session.ModelReplyFilter?.Invoke(session.Profile.Name, reply.Output) ?? reply.Output;
        var (responses, syntax) = ResponseReader.Read(output);
        if (syntax is not null)
        {
            return (null, [], $"unreadable model ({syntax})");
        }

        var model = responses.OfType<SolverResponse.Model>().FirstOrDefault();
        return model is null
            ? (null, [], Clip(output))
            : (Counterexample.Format(model, obligation.DeclaredNames), model.Definitions, null);
    }

    private static bool IsLimit(string? answer, string reason) =>
        answer == "timeout" || reason.Contains("timeout", StringComparison.OrdinalIgnoreCase)
        || reason.Contains("resourceout", StringComparison.OrdinalIgnoreCase) || reason.Contains("canceled", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Turns a solver's position (z3: "line L column C", C from 0; cvc5: "&lt;stdin&gt;:L.C", L from 0) in its whole
    /// input into a position in the user's file, using where each command was sent.
    /// </summary>
    private static Diagnostic Locate(string solver, string message, IReadOnlyList<(int SessionLine, ScriptCommand Command)> sent)
    {
        var firstLine = message.Split('\n')[0].Trim();
        int? line = null, column = null;
        var z3 = Z3Position().Match(firstLine);
        var cvc5 = Cvc5Position().Match(firstLine);
        if (z3.Success)
        {
            (line, column) = (int.Parse(z3.Groups[1].Value), int.Parse(z3.Groups[2].Value) + 1);
            firstLine = firstLine[(z3.Index + z3.Length)..].TrimStart(':', ' ');
        }
        else if (cvc5.Success)
        {
            (line, column) = (int.Parse(cvc5.Groups[1].Value) + 1, int.Parse(cvc5.Groups[2].Value));
            firstLine = firstLine[(cvc5.Index + cvc5.Length)..].TrimStart(':', ' ');
        }

        SourceSpan? span = null;
        if (line is { } l && column is { } c)
        {
            var origin = sent.LastOrDefault(s => s.SessionLine <= l);
            if (origin.Command is { } command)
            {
                span = command.Locate(l - origin.SessionLine, c);
            }
        }

        span ??= sent.Count > 0 ? sent[0].Command.Span : null;
        return Diagnostic.Error($"{solver}: {firstLine}", span, solver);
    }

    private static string Tail(string stderr) => string.IsNullOrWhiteSpace(stderr) ? string.Empty : $": {Clip(stderr)}";

    private static string Clip(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length > 300 ? t[..300] + "…" : t;
    }

    [GeneratedRegex(@"line (\d+) column (\d+)")]
    private static partial Regex Z3Position();

    [GeneratedRegex(@"<stdin>:(\d+)\.(\d+)")]
    private static partial Regex Cvc5Position();
}
