using System.Text.RegularExpressions;
using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// One name and one meaning per option across commands: the problems folder is --dir and parallelism is --workers
/// everywhere, --timeout is always a checker's time limit (chat's wait for an HTTP server is --http-timeout), and an
/// option several commands have reads and refuses values with the same words in each. The old names
/// (--problems-dir in check, --jobs in problems validate, --timeout in chat) still work, hidden from help, with a note.
/// </summary>
public sealed class OptionNameSpecs() : FolderSpecs("proofcheck-cli-")
{
    /// <summary>Each renamed option: a command that has it, its name, its old name.</summary>
    public static TheoryData<string, string, string> Renamed => new()
    {
        { "check coq", "--dir", "--problems-dir" },
        { "check lean", "--dir", "--problems-dir" },
        { "run", "--dir", "--problems-dir" },
        { "serve", "--dir", "--problems-dir" },
        { "problems validate", "--workers", "--jobs" },
        { "recheck", "--workers", "--jobs" },
        { "worker", "--workers", "--jobs" },
        { "chat", "--http-timeout", "--timeout" },
    };

    [Theory]
    [MemberData(nameof(Renamed))]
    public async Task Help_shows_the_one_name_and_hides_the_old_one(string command, string current, string old)
    {
        var (code, help) = await ProofCheckCli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains(current, help, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(?<![\w-]){old}(?![\w-])", help);
    }

    [Fact]
    public async Task Every_option_that_several_commands_share_reads_and_refuses_a_value_with_the_same_words_in_each()
    {
        var byCommand = new Dictionary<string, List<string>>();
        foreach (var command in await CliHelp.CommandsAsync())
        {
            var (_, help) = await ProofCheckCli.RunAsync([.. command.Split(' '), "--help"]);
            byCommand[command] = [.. CliHelp.ValueOptions(help)];
        }

        var shared = byCommand.SelectMany(c => c.Value).CountBy(o => o).Where(o => o.Value > 1).Select(o => o.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "--threads", "--context", "--timeout", "--workers", "--max-tokens", "--temperature", "--seed", "--dir", "--store" }, shared);

        // Text where a number belongs, then a number below every range; a word no command can use makes sure nothing
        // succeeds. What is compared is what the command line's reading says about each option (a command that takes
        // that word as an argument may go on to fail in its own words, on lines of their own: "error: …").
        foreach (var value in new[] { "x", "-1" })
        {
            var said = new Dictionary<string, Dictionary<string, string>>();
            foreach (var (command, options) in byCommand)
            {
                var given = options.Where(shared.Contains).ToList();
                if (given.Count == 0)
                {
                    continue;
                }

                // The errors, without the help printed above them (whose descriptions may differ by command).
                var (code, _, errors) = await ProofCheckCli.RunAsync([.. command.Split(' '), .. given.SelectMany(o => new[] { o, value }), "--no-such-option"], workingDirectory: Folder);
                Assert.True(code == 2, $"{command}: exit {code}: {errors}");
                foreach (var option in given)
                {
                    var lines = errors.Split('\n')
                        .Where(line => !line.StartsWith("error:", StringComparison.Ordinal) && Regex.IsMatch(line, $@"(?<![\w-]){option}(?![\w-])"))
                        .Select(line => line.Trim());
                    said.TryAdd(option, []);
                    said[option][command] = string.Join('\n', lines.Order(StringComparer.Ordinal));
                }
            }

            foreach (var (option, answers) in said)
            {
                var distinct = answers.GroupBy(a => a.Value).ToList();
                Assert.True(distinct.Count == 1, $"{option} {value} is answered differently:\n" + string.Join("\n", distinct.Select(d => $"[{string.Join(", ", d.Select(a => a.Key))}]: {d.Key}")));
            }
        }
    }

    [Theory]
    [InlineData("recheck", "--jobs", "--workers must be at least 1 (got 0)")]
    [InlineData("chat", "--timeout", "--http-timeout must be a number of seconds between 0 and 86400 (got 0)")]
    public async Task A_bad_value_under_an_old_name_is_refused_in_the_new_name_s_words_with_the_note(string command, string old, string refusal)
    {
        var (code, output) = await ProofCheckCli.RunAsync([command, old, "0"], workingDirectory: Folder);

        Assert.True(code == 2, output);
        Assert.Contains(refusal, output, StringComparison.Ordinal);
        Assert.Contains($"{old} is deprecated; use", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dir", false)]
    [InlineData("--problems-dir", true)]
    public async Task Check_coq_reads_the_problems_folder_under_either_name_and_notes_the_old_one(string name, bool old)
    {
        var proof = Path.Combine(RepoPaths.Problems, "gauss-sum", "proof.v");
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["check", "coq", proof, "--problem", "gauss-sum", name, RepoPaths.Problems], workingDirectory: Folder);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Verified", stdout, StringComparison.Ordinal);
        Assert.Equal(old, stderr.Contains("--problems-dir is deprecated; use --dir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Problems_list_reads_the_folder_given_under_the_old_name()
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["problems", "list", "--problems-dir", RepoPaths.Problems, "--json"], workingDirectory: Folder);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("\"gauss-sum\"", stdout, StringComparison.Ordinal);
        Assert.Contains("--problems-dir is deprecated", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_timeout_is_validated_the_same_way_in_every_command()
    {
        var file = Path.Combine(Folder, "step.smt2");
        File.WriteAllText(file, "(declare-const x Int)\n(assert (not (= x x)))\n(check-sat)\n");
        foreach (var args in new[] { new[] { "check", "smt", file, "--timeout", "0" }, ["run", "--dir", RepoPaths.Problems, "--model", "replay:none.jsonl", "--store", Path.Combine(Folder, "r.db"), "--timeout", "0"] })
        {
            var (code, output) = await ProofCheckCli.RunAsync(args, workingDirectory: Folder);

            Assert.True(code == 2, output);
            Assert.Contains("--timeout must be a number of seconds between 0 and 86400 (got 0)", output, StringComparison.Ordinal);
        }
    }
}
