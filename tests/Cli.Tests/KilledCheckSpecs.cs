using System.Diagnostics;
using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// A Coq check stopped in the middle leaves no temporary folder, whether it is cancelled (Ctrl-C, SIGTERM) or
/// the CLI is killed outright (SIGKILL, which no handler sees). The CLI gets a temporary directory of its own
/// (TMPDIR), so "nothing left" is checked on that folder alone.
/// </summary>
public sealed class KilledCheckSpecs() : FolderSpecs("proofcheck-killed-spec-")
{
    // Unary arithmetic the kernel needs seconds for: the check is still in coqc when it is stopped.
    private const string Statement = "Theorem slow : 20000 * 3 = 60000.\nAdmitted.\n";
    private const string Proof = "Theorem slow : 20000 * 3 = 60000.\nProof. reflexivity. Qed.\n";

    public static TheoryData<string> Signals => ["KILL", "INT", "TERM"];

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task A_check_stopped_mid_coqc_leaves_no_temporary_folder_and_no_coqc(string signal)
    {
        if (!Tools.Has("coqc"))
        {
            return;
        }

        var temp = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
        var files = Directory.CreateDirectory(Path.Combine(Folder, "files")).FullName;
        // A statement of its own per run (a comment is enough), so no cached library shortens the check.
        await File.WriteAllTextAsync(Path.Combine(files, "statement.v"), $"(* {Guid.NewGuid()} *)\n" + Statement);
        await File.WriteAllTextAsync(Path.Combine(files, "proof.v"), Proof);
        var environment = new Dictionary<string, string?>
        {
            ["TMPDIR"] = temp,
            ["PROOFCHECK_CACHE"] = Path.Combine(Folder, "cache"),
        };

        using var cli = ProofCheckCli.Start(
            ["check", "coq", Path.Combine(files, "proof.v"), "--statement", Path.Combine(files, "statement.v")], environment);
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();

        // Wait until coqc works on the submission: its stage folder holds the file it compiles, and coqc runs.
        var stopwatch = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(temp, "Candidate.v", SearchOption.AllDirectories).Any() || CoqcUnder(temp).Count == 0)
        {
            if (cli.HasExited)
            {
                Assert.Fail($"the check ended before it could be stopped: {await output}{await errors}");
            }

            Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), "the check never reached the submission stage");
            await Task.Delay(50);
        }

        ProofCheck.TestSupport.Signals.Send(cli, signal);

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await cli.WaitForExitAsync(limit.Token);

        // After SIGKILL the reaper removes the folder a moment after the kernel closed the CLI's end of its pipe.
        stopwatch.Restart();
        while ((Left(temp).Count > 0 || CoqcUnder(temp).Count > 0) && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        Assert.Empty(Left(temp));
        Assert.Empty(CoqcUnder(temp));
    }

    /// <summary>What ProofCheck left in the temporary directory (the .NET runtime's own diagnostic pipes, which it
    /// also puts there and cannot remove after SIGKILL, are not ProofCheck's).</summary>
    private static List<string> Left(string temp) =>
        [.. Directory.EnumerateFileSystemEntries(temp, "proofcheck-*", SearchOption.AllDirectories)];

    /// <summary>coqc processes whose command line names a file under <paramref name="temp"/>.</summary>
    private static List<int> CoqcUnder(string temp)
    {
        var found = new List<int>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("coqc", StringComparison.Ordinal) && commandLine.Contains(temp, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
