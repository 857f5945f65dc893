using ProofCheck.Coq.Running;
using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// Each coqc stage of a check writes only its own folder: code a submission runs while it is compiled (here
/// Redirect, which the audit would refuse first, used directly) cannot touch the canonical library or the
/// files of the stage after it.
/// </summary>
[Collection("coqc")]
public sealed class StageIsolationSpecs
{
    [RequiresToolFact("bwrap")]
    public async Task A_submission_stage_cannot_write_the_canonical_library_or_a_later_stage()
    {
        Assert.True(Sandbox.IsAvailable, Sandbox.WhyUnavailable);
        var coq = await CoqInstallation.FindAsync(CancellationToken.None);
        Assert.NotNull(coq);
        using var workspace = new CoqWorkspace(coq, sandboxed: true, TimeSpan.FromSeconds(120));
        var statement = (workspace.Stage("statement"), "PCStatement000000000000");
        var submission = (workspace.Stage("submission"), workspace.CandidatePrefix);
        var canonical = await workspace.CompileAsync("statement", "Canonical", "Definition a := 1.\n", [statement], CancellationToken.None);
        Assert.True(canonical.ExitCode == 0, canonical.StandardError);
        var hash = CoqWorkspace.HashOf(workspace.Stage("statement"), "Canonical");

        var attempts = new[]
        {
            "Redirect \"../statement/Canonical\" Print nat.",
            "Redirect \"../closing/Closing\" Print nat.",
            "Redirect \"../Leftover\" Print nat.",
        };
        foreach (var attempt in attempts)
        {
            await workspace.CompileAsync("submission", "Candidate", attempt + "\nDefinition b := 2.\n",
                [statement, submission], CancellationToken.None);
        }

        Assert.Equal(hash, CoqWorkspace.HashOf(workspace.Stage("statement"), "Canonical"));
        Assert.False(File.Exists(Path.Combine(workspace.Root, "statement", "Canonical.out")));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "closing")));
        Assert.False(File.Exists(Path.Combine(workspace.Root, "Leftover.out")));

        // A file the submission stage leaves in its own folder is not visible to a later stage that was not given it.
        await workspace.CompileAsync("submission", "Candidate", "Redirect \"Leftover\" Print nat.\n",
            [submission], CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "submission", "Leftover.out")));
        var later = await workspace.CompileAsync("closing", "Closing",
            "Redirect \"Copy\" Print LoadPath.\nLoad \"../submission/Leftover.out\".\n", [statement], CancellationToken.None);
        Assert.NotEqual(0, later.ExitCode);
        Assert.Contains("Leftover", later.StandardError, StringComparison.Ordinal);
    }
}
