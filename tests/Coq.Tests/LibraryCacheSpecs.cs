using ProofCheck.Coq.Running;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

/// <summary>
/// The compiled canonical library is made once per statement and reused: each check says in its audit whether it
/// reused it, a damaged entry is never loaded, and no stage that runs submitted code can write an entry.
/// </summary>
[Collection("coqc")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LibraryCacheSpecs : IDisposable
{
    private readonly string folder = TempFolders.Create("library-cache-spec-").FullName;

    public void Dispose()
    {
        foreach (var entry in Directory.EnumerateDirectories(folder))
        {
            File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        TempFolders.Delete(folder);
    }

    private CoqChecker Checker() => new(CanonicalLibraryCache.Open(folder));

    private static string IsolationLine(CheckReport report) =>
        Assert.Single(report.Audit!.Checked, c => c.StartsWith("stage isolation", StringComparison.Ordinal));

    private Task<CheckReport> Check(string submission) =>
        Checker().CheckAsync(new CheckRequest(submission) { CanonicalStatement = Statements.DoubleEven });

    [RequiresToolFact("coqc")]
    public async Task The_second_check_of_a_statement_reuses_its_library_and_is_still_Verified()
    {
        var first = await Check(Statements.HonestDoubleEven);
        var second = await Check(Statements.HonestDoubleEven);

        Assert.True(first.Verdict == Verdict.Verified, ReportJson.Serialize(first));
        Assert.True(second.Verdict == Verdict.Verified, ReportJson.Serialize(second));
        Assert.DoesNotContain("reused", IsolationLine(first), StringComparison.Ordinal);
        Assert.Contains("reused", IsolationLine(second), StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(folder));

        // A statement that differs only in a comment is other text: its own entry.
        var other = await Checker().CheckAsync(new CheckRequest(Statements.HonestDoubleEven) { CanonicalStatement = "(* v2 *)\n" + Statements.DoubleEven });
        Assert.True(other.Verdict == Verdict.Verified, ReportJson.Serialize(other));
        Assert.DoesNotContain("reused", IsolationLine(other), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(folder).Length);
    }

    [RequiresToolFact("coqc")]
    public async Task A_cached_library_whose_bytes_changed_is_discarded_and_compiled_again()
    {
        await Check(Statements.HonestDoubleEven);
        var entry = Assert.Single(Directory.GetDirectories(folder));
        var vo = Path.Combine(entry, "Canonical.vo");
        File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(vo, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = await File.ReadAllBytesAsync(vo);
        bytes[^1] ^= 0xff;
        await File.WriteAllBytesAsync(vo, bytes);

        var again = await Check(Statements.HonestDoubleEven);

        Assert.True(again.Verdict == Verdict.Verified, ReportJson.Serialize(again));
        Assert.DoesNotContain("reused", IsolationLine(again), StringComparison.Ordinal);
        Assert.NotEqual(bytes, await File.ReadAllBytesAsync(Path.Combine(Assert.Single(Directory.GetDirectories(folder)), "Canonical.vo")));
    }

    [RequiresToolFact("bwrap")]
    public async Task A_stage_that_loads_a_cached_library_cannot_write_it()
    {
        Assert.True(Sandbox.IsAvailable, Sandbox.WhyUnavailable);
        await Check(Statements.HonestDoubleEven);
        var entry = Assert.Single(Directory.GetDirectories(folder));
        var before = Directory.GetFiles(entry).ToDictionary(f => f, f => CoqWorkspace.HashOf(entry, Path.GetFileNameWithoutExtension(f)));
        var prefix = File.ReadAllLines(Path.Combine(entry, "entry.txt"))[0].Split(' ')[1];
        var coq = await CoqInstallation.FindAsync(CancellationToken.None);
        using var workspace = new CoqWorkspace(coq!, sandboxed: true, TimeSpan.FromSeconds(120));

        // Redirect is refused by the audit; here a stage runs it directly, as code a submission smuggled past would.
        var result = await workspace.CompileAsync("submission", "Candidate",
            $"Require {prefix}.Canonical.\nRedirect \"{entry}/Canonical\" Print nat.\nRedirect \"{entry}/Extra\" Print nat.\n",
            [(entry, prefix), (workspace.Stage("submission"), workspace.CandidatePrefix)], CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(before, Directory.GetFiles(entry).ToDictionary(f => f, f => CoqWorkspace.HashOf(entry, Path.GetFileNameWithoutExtension(f))));
    }
}
