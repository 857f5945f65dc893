using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// Usage errors of the real CLI: each is exit code 2 with a message that names the problem, never a stack trace or
/// "internal error" (exit 70).
/// </summary>
public sealed class UsageErrorSpecs() : FolderSpecs("proofcheck-cli-")
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["no-such-command"], "no-such-command" },
        { ["run", "--no-such-option"], "--no-such-option" },
        { ["run", "--workers", "many"], "many" },
        { ["run", "--workers", "0", "--model", "replay:none.jsonl"], "--workers must be at least 1" },
        { ["run", "--timeout", "0", "--model", "replay:none.jsonl"], "--timeout must be a number of seconds between 0 and 86400" },
        { ["serve", "--timeout", "soon"], "--timeout expects a number of seconds" },
        { ["problems", "validate", "--workers", "0"], "--workers must be at least 1" },
        { ["problems", "list", "--dir", "problems", "--problems-dir", "problems"], "--problems-dir is the old name of --dir" },
        { ["run", "--samples", "0", "--model", "replay:none.jsonl"], "--samples must be at least 1" },
        { ["run", "--targets", "isabelle", "--model", "replay:none.jsonl"], "Unknown target 'isabelle'" },
        { ["run", "--top-p", "0", "--model", "replay:none.jsonl"], "--top-p must be greater than 0" },
        { ["run", "--dir", "no-such-folder", "--model", "replay:none.jsonl"], "no-such-folder" },
        { ["run", "--resume", "no-such-run"], "No run 'no-such-run'" },
        { ["show", "no-such-run"], "There is no run store" },
        { ["export", "no-such-run"], "--jsonl" },
        { ["export"], "Required argument missing for command: 'export'" },
        { ["recheck"], "Required argument missing for command: 'recheck'" },
        { ["runs", "delete"], "Required argument missing for command: 'delete'" },
        { ["runs", "delete", "no-such-run"], "There is no run store" },
        { ["check", "smt", "no-such-file.smt2"], "no-such-file.smt2" },
        { ["check", "coq"], "Required argument missing for command: 'coq'" },
        { ["dashboard", "--store", "postgres://nobody@127.0.0.1:1/runs"], "Cannot reach the PostgreSQL run store" },
        { ["worker", "--store", "postgres://nobody@127.0.0.1:1/runs"], "Cannot reach the PostgreSQL run store" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_usage_error_is_exit_code_2_with_a_message_naming_it(string[] args, string named)
    {
        string[] store = args[0] is "run" or "show" or "export" or "recheck" or "runs" && !args.Contains("--help")
            ? ["--store", Path.Combine(Folder, args[0] == "run" ? "runs.db" : "missing.db")]
            : [];
        // The folder of problems exists unless the case is about it, so each case fails for its own reason.
        string[] problems = args[0] == "run" && !args.Contains("--dir") && !args.Contains("--resume") ? ["--dir", RepoPaths.Problems] : [];
        var (code, output) = await ProofCheckCli.RunAsync([.. args, .. problems, .. store], workingDirectory: Folder);
        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_no_model_chosen_says_how_to_choose_one()
    {
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "--dir", RepoPaths.Problems, "--store", Path.Combine(Folder, "runs.db")],
            new Dictionary<string, string?> { ["PROOFCHECK_MODEL"] = null },
            Folder);
        Assert.True(code == 2, output);
        Assert.Contains("No model was chosen", output, StringComparison.Ordinal);
        Assert.Contains("--model", output, StringComparison.Ordinal);
    }

}
