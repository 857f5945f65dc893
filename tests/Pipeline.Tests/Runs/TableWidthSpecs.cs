using System.Globalization;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// <c>doctor</c>, <c>problems list</c> and <c>report</c> fit their tables into a narrow terminal (COLUMNS) the way
/// <c>show</c> does: no header cut to "verif…", no line wider than the terminal.
/// </summary>
public sealed class TableWidthSpecs
{
    private const int Columns = 60;

    private const string TwoSteps = "1. n*n >= 0 for every integer n.\n2. Hence the claim.\nQED";

    private const string OneStep = "```smt2\n(declare-const n Int)\n(assert (> n 2))\n(assert (not (> (* n n) 4)))\n(check-sat)\n```";

    [Fact]
    public async Task Doctor_fits_a_narrow_terminal() =>
        await FitsAsync(["doctor"], ["Area", "Tool", "Status", "Version", "Where / what to do"]);

    [Fact]
    public async Task Problems_list_fits_a_narrow_terminal() =>
        await FitsAsync(["problems", "list", "--dir", Path.Combine(RepoPaths.Root, "problems")], ["Id", "Kind", "Formal", "Proofs"]);

    [RequiresToolFact("z3")]
    public async Task Report_fits_a_narrow_terminal()
    {
        await using var h = new RunHarness();
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, OneStep), RunHarness.Config("gauss-sum", "smt"));

        await FitsAsync(["report", run.Id, "--store", h.StorePath], ["verified", "group", "round 0", "after repair", "target", "k"]);
    }

    private static async Task FitsAsync(string[] args, string[] headers)
    {
        var (code, stdout, stderr) = await ProofCheckCli.RunAsync(args, new Dictionary<string, string?> { ["COLUMNS"] = Columns.ToString(CultureInfo.InvariantCulture) });

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("…", stdout, StringComparison.Ordinal);
        Assert.All(stdout.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= Columns, $"{l.Length} > {Columns}: {l}\n{stdout}"));
        foreach (var header in headers)
        {
            Assert.Matches($@"(^|[\s│]){System.Text.RegularExpressions.Regex.Escape(header)}($|[\s│:])", stdout);
        }
    }
}
