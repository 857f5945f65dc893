namespace ProofCheck.Core;

/// <summary>
/// The one way a checker builds its <see cref="CheckReport"/>, and the one place where "the checker cannot run"
/// and "the input is unusable" turn into verdicts: every checker answers with a report, never with those exceptions.
/// </summary>
public static class CheckReports
{
    /// <summary>The report of one check: its obligations and the conditions the request set (sandbox, vetted statement).</summary>
    public static CheckReport Of(string checker, CheckRequest? request, IReadOnlyList<ObligationResult> obligations) =>
        new(checker, obligations)
        {
            Sandboxed = request?.Sandboxed ?? true,
            StatementVetted = request?.StatementVetted ?? true,
        };

    /// <summary>One verdict on the whole submission, with the reason (no code, unusable input, no checker).</summary>
    public static CheckReport Whole(string checker, CheckRequest? request, Verdict verdict, string message, string source) =>
        Of(checker, request, [new ObligationResult("whole submission", verdict) { Diagnostics = [Diagnostic.Error(message, source: source)] }]);

    /// <summary>A checker that cannot run here: <see cref="Verdict.CheckerUnavailable"/>, with the advice in the diagnostic.</summary>
    public static CheckReport Unavailable(string checker, CheckRequest? request, CheckerUnavailableException e) =>
        Whole(checker, request, Verdict.CheckerUnavailable, e.Advice is null ? e.Message : $"{e.Message} {e.Advice}", e.Checker);

    /// <summary>
    /// Runs <paramref name="check"/> and keeps the checker contract of <see cref="IProofChecker.CheckAsync"/>: a missing
    /// checker becomes <see cref="Verdict.CheckerUnavailable"/> and unusable input <see cref="Verdict.Failed"/>, each
    /// with its message; only cancellation (and real bugs) still throw.
    /// </summary>
    public static async Task<CheckReport> GuardAsync(string checker, CheckRequest request, Func<Task<CheckReport>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return await check().ConfigureAwait(false);
        }
        catch (CheckerUnavailableException e)
        {
            return Unavailable(checker, request, e);
        }
        catch (UserInputException e)
        {
            return Whole(checker, request, Verdict.Failed, e.Message, "input");
        }
    }
}
