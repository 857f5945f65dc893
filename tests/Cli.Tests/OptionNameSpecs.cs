using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// One name per option across commands: the problems folder is --dir and parallelism is --workers everywhere. The
/// old names (--problems-dir in check, --jobs in problems validate) still work, hidden from help, with a note.
/// </summary>
public sealed class OptionNameSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("proofcheck-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("check coq", "--dir", "--problems-dir")]
    [InlineData("check lean", "--dir", "--problems-dir")]
    [InlineData("run", "--dir", "--problems-dir")]
    [InlineData("serve", "--dir", "--problems-dir")]
    [InlineData("problems validate", "--workers", "--jobs")]
    [InlineData("recheck", "--workers", "--jobs")]
    public async Task Help_shows_the_one_name_and_hides_the_old_one(string command, string current, string old)
    {
        var (code, help) = await ProofCheckCli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains(current, help, StringComparison.Ordinal);
        Assert.DoesNotContain(old, help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dir", false)]
    [InlineData("--problems-dir", true)]
    public async Task Check_coq_reads_the_problems_folder_under_either_name_and_notes_the_old_one(string name, bool old)
    {
        var proof = Path.Combine(RepoPaths.Problems, "gauss-sum", "proof.v");
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["check", "coq", proof, "--problem", "gauss-sum", name, RepoPaths.Problems], workingDirectory: folder);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Verified", stdout, StringComparison.Ordinal);
        Assert.Equal(old, stderr.Contains("--problems-dir is deprecated; use --dir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_old_jobs_still_reaches_the_workers_setting()
    {
        // A value the setting refuses shows that --jobs arrived there, without running the whole validation.
        var (code, output) = await ProofCheckCli.RunAsync(["problems", "validate", "--dir", RepoPaths.Problems, "--jobs", "0"], workingDirectory: folder);

        Assert.True(code == 2, output);
        Assert.Contains("--jobs is deprecated; use --workers", output, StringComparison.Ordinal);
        Assert.Contains("--workers must be at least 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_list_reads_the_folder_given_under_the_old_name()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["problems", "list", "--problems-dir", RepoPaths.Problems, "--json"], workingDirectory: folder);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("\"gauss-sum\"", stdout, StringComparison.Ordinal);
        Assert.Contains("--problems-dir is deprecated", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_timeout_is_validated_the_same_way_in_every_command()
    {
        var file = Path.Combine(folder, "step.smt2");
        File.WriteAllText(file, "(declare-const x Int)\n(assert (not (= x x)))\n(check-sat)\n");
        foreach (var args in new[] { new[] { "check", "smt", file, "--timeout", "0" }, ["run", "--dir", RepoPaths.Problems, "--model", "replay:none.jsonl", "--store", Path.Combine(folder, "r.db"), "--timeout", "0"] })
        {
            var (code, output) = await ProofCheckCli.RunAsync(args, workingDirectory: folder);

            Assert.True(code == 2, output);
            Assert.Contains("--timeout must be a number of seconds between 0 and 86400 (got 0)", output, StringComparison.Ordinal);
        }
    }
}
