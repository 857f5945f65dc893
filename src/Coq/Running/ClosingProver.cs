using System.Security.Cryptography;
using System.Text;
using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Coq.Running;

/// <summary>
/// What the clean-context stage said: the run, its errors, and what <c>Print Assumptions</c> printed (null when the
/// stage did not get that far).
/// </summary>
internal sealed record ClosingOutcome(ProcessResult Result, IReadOnlyList<CoqMessage> Errors, string? Assumptions)
{
    /// <summary>The outcome of a coqc run of the closing file: coqc stops at its first error.</summary>
    public static ClosingOutcome OfCoqc(ProcessResult result) =>
        new(result, [.. CoqMessageParser.Parse(result.StandardError).Where(m => m.Severity == DiagnosticSeverity.Error)],
            result.ExitCode == 0 ? result.StandardOutput : null);
}

/// <summary>
/// The clean-context stage as a coqtop started together with the submission stage, so that loading the libraries
/// (most of a small check's time) overlaps the submission's compile instead of following it. It runs in its own
/// sandbox whose only writable folder is its own, empty when it starts and never visible to the submission stage.
/// While the submission compiles, coqtop is fed only ProofCheck's own sentences: <c>Require</c> of the canonical
/// library and of the standard libraries the submission requires (each is loaded by the candidate's
/// <c>Require</c> later anyway, so the context ends the same; none is imported). Only after the submission stage
/// has ended does ProofCheck copy the candidate's <c>.vo</c> into the folder and feed the rest of the check: coqtop
/// looks a library up when it is required, not when it starts.
/// <para>
/// coqtop goes on after an error and prints the error after the prompt of the sentence that failed, so the
/// prompts on standard error say which sentence an error belongs to: errors of the preloads (a name only the
/// submission's context resolves) cost nothing but the preload; an error of the check is the check's failure.
/// </para>
/// </summary>
internal sealed class ClosingProver : IAsyncDisposable
{
    public const string StageName = "closing";

    /// <summary>coqtop's prompt, written to standard error before it reads each sentence.</summary>
    private const string Prompt = "Coq < ";

    private readonly TaskCompletionSource<string> rest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource abandon;
    private readonly string preload;
    private readonly int preloadSentences;
    private readonly string definition = "proofcheck_same_statement_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly Task<ProcessResult> run;

    private ClosingProver(CoqWorkspace workspace, string coqtop, CanonicalLibrary library, IEnumerable<string> preloads, CancellationToken cancellationToken)
    {
        // Silent: coqtop then prints what coqc prints (no "x is defined", no note when it fetches opaque proofs).
        var sentences = new List<string> { "Set Silent.", $"Require {library.QualifiedName}." };
        foreach (var sentence in preloads.Select(p => p.ReplaceLineEndings(" ")))
        {
            if (!sentences.Contains(sentence, StringComparer.Ordinal))
            {
                sentences.Add(sentence);
            }
        }

        preload = string.Join('\n', sentences) + "\n";
        preloadSentences = sentences.Count;
        Folder = workspace.Stage(StageName);
        abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run = workspace.RunFedAsync(StageName, coqtop, [(library.Folder, library.Prefix), (Folder, workspace.CandidatePrefix)], FeedAsync, abandon.Token);
    }

    /// <summary>The stage's folder: created empty when the prover starts; ProofCheck copies the candidate's <c>.vo</c> into it.</summary>
    public string Folder { get; }

    /// <summary>Starts coqtop loading <paramref name="library"/> and the <paramref name="preloads"/> (<c>Require</c> sentences, one each).</summary>
    public static ClosingProver Start(CoqWorkspace workspace, string coqtop, CanonicalLibrary library, IEnumerable<string> preloads, CancellationToken cancellationToken) =>
        new(workspace, coqtop, library, preloads, cancellationToken);

    /// <summary>
    /// Feeds the check (the candidate's <c>.vo</c> must be in <see cref="Folder"/> by now) and waits for coqtop's
    /// answer. The check is <see cref="ClosingFiles.CheckSentences"/> with a <c>Locate</c> of its own definition
    /// before <c>Print Assumptions</c>: the line naming the definition proves it was made, and what follows it
    /// is the assumptions.
    /// </summary>
    public async Task<ClosingOutcome> FinishAsync(string canonicalPrefix, string candidatePrefix, string mainTheorem)
    {
        var check = ClosingFiles.CheckSentences(canonicalPrefix, candidatePrefix, mainTheorem, definition).ToList();
        check.Insert(check.Count - 1, $"Locate {definition}.");
        rest.TrySetResult(string.Join('\n', check) + "\nQuit.\n");
        ProcessResult result;
        try
        {
            result = await run.ConfigureAwait(false);
        }
        catch (ProcessStartException e)
        {
            return new ClosingOutcome(new ProcessResult(-1, string.Empty, e.Message, TimeSpan.Zero), [], null);
        }

        // Prompts are dropped so an error message ends where coqc's would, not with the next sentence's prompt.
        var afterPreload = string.Join('\n', result.StandardError.Split(Prompt).Skip(preloadSentences + 1));
        var errors = CoqMessageParser.Parse(afterPreload).Where(m => m.Severity == DiagnosticSeverity.Error).ToList();
        var lines = result.StandardOutput.ReplaceLineEndings("\n").Split('\n');
        var made = Array.FindIndex(lines, l => l.StartsWith("Constant ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("." + definition, StringComparison.Ordinal));
        return new ClosingOutcome(result, errors, made < 0 ? null : string.Join('\n', lines[(made + 1)..]));
    }

    /// <summary>Stops coqtop if the check did not finish (the submission failed, ran out of time, or the check was cancelled).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!run.IsCompleted)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ProcessStartException)
        {
            // Abandoned on purpose, or never started: nothing is left to stop.
        }

        abandon.Dispose();
    }

    private async Task FeedAsync(Stream stdin, CancellationToken cancellationToken)
    {
        try
        {
            await stdin.WriteAsync(Encoding.UTF8.GetBytes(preload), cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            var check = await rest.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            await stdin.WriteAsync(Encoding.UTF8.GetBytes(check), cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // coqtop ended before it read everything; its result says why.
        }
    }
}
