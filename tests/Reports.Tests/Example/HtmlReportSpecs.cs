using System.Text.Json;
using Microsoft.Playwright;
using ProofCheck.Core;
using ProofCheck.TestSupport;
using Xunit.Abstractions;

namespace ProofCheck.Reports.Tests.Example;

/// <summary>
/// The HTML report in a real browser: Debian's Chromium driven by Playwright (which cannot download its own
/// browsers here, so it is pointed at /usr/bin/chromium; tools/setup.sh installs it).
/// </summary>
[Collection(ExampleCollection.Name)]
public sealed class HtmlReportSpecs(MemorizationExample example, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_renders_offline_with_every_plot_and_the_numbers_of_the_json()
    {
        var htmlPath = Path.Combine(example.Folder, "report.html");
        var (code, jsonText, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath, "--html", htmlPath, "--json"], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        var report = JsonDocument.Parse(jsonText).RootElement.GetProperty("reports")[0];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);
        var url = new Uri(htmlPath).AbsoluteUri;
        await page.GotoAsync(url);

        // Nothing but the file itself was requested, and nothing complained (a CSP violation is a console error).
        Assert.Equal([url], requests);
        Assert.Empty(problems);

        foreach (var id in new[] { "plot-targets", "plot-kinds", "plot-families", "plot-passk", "plot-repair" })
        {
            var svg = page.Locator($"#{id} svg");
            Assert.Equal(1, await svg.CountAsync());
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 150 }, $"{id} is drawn at {box?.Width}×{box?.Height}");
            // A chart has drawn marks (bars, lines), not just an empty frame.
            Assert.True(await page.Locator($"#{id} svg path, #{id} svg rect, #{id} svg polyline").CountAsync() > 5, $"{id} has no marks");
        }

        // The headline shows the JSON's numbers.
        var any = report.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "target" && r.GetProperty("key").GetString() == "any");
        var verified = await page.Locator("#headline-verified").InnerTextAsync();
        Assert.Contains(Counts(any.GetProperty("verified").GetProperty("roundZero")), verified, StringComparison.Ordinal);
        Assert.Contains(Counts(any.GetProperty("verified").GetProperty("afterRepair")), verified, StringComparison.Ordinal);
        var pooled = report.GetProperty("memorization").GetProperty("pooled").GetProperty("roundZero");
        Assert.Contains(Counts(pooled.GetProperty("first")), await page.Locator("#headline-originals").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Counts(pooled.GetProperty("second")), await page.Locator("#headline-variants").InnerTextAsync(), StringComparison.Ordinal);

        // Text people must read is visible: dark on light, not clipped.
        var color = await page.EvaluateAsync<string>("getComputedStyle(document.body).color");
        Assert.Equal("rgb(27, 27, 27)", color);
        Assert.True(await page.Locator("#families").IsVisibleAsync());
        Assert.True(await page.Locator("section#problem-repunit-prime-base-3").IsVisibleAsync());

        var shot = Path.Combine(example.Folder, "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });
        if (Environment.GetEnvironmentVariable("PROOFCHECK_UPDATE_GOLDEN") == "1")
        {
            // The README's figure: the top of the example's report, refreshed with the replay.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root, "examples", "memorization", "report.png"), Clip = new Clip { X = 0, Y = 0, Width = 1200, Height = 1500 }, FullPage = true });
        }

        output.WriteLine($"Screenshot: {shot}");
    }

    [Fact]
    public async Task A_repaired_attempt_shows_what_changed_since_the_earlier_round_and_its_verdict()
    {
        // From the stored run (not from the diff code): a repair that changed the code, a line it added and one it removed.
        var attempt = example.Run.Attempts.First(a => a.Rounds.Count > 1 && a.Rounds[0].HasCode && a.Rounds[1].HasCode && a.Rounds[0].Code != a.Rounds[1].Code
            && a.Rounds[0].Verdict == Verdict.Rejected);
        var (before, after) = (attempt.Rounds[0], attempt.Rounds[1]);
        var added = Lines(after.Code).First(l => l.Trim().Length > 0 && !Lines(before.Code).Contains(l));
        var removed = Lines(before.Code).FirstOrDefault(l => l.Trim().Length > 0 && !Lines(after.Code).Contains(l));
        var htmlPath = Path.Combine(example.Folder, "changes.html");
        var (code, _, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath, "--html", htmlPath], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri);
        var round = page.Locator($"details#{attempt.ProblemId.Replace('/', '-')}-{attempt.Sample}-{attempt.Target}-round-1");
        var diff = round.Locator("pre.diff");
        Assert.False(await diff.IsVisibleAsync());
        await round.Locator("summary").ClickAsync();

        // Opened, the round shows the earlier round's verdict and the changed lines, added ones in green.
        Assert.True(await diff.IsVisibleAsync());
        var changes = await round.Locator(".changes").InnerTextAsync();
        Assert.Contains($"Changed since round 0 ({before.VerdictText})", changes, StringComparison.Ordinal);
        // Why round 0 was rejected (the audit's reason, e.g. a changed statement) stands beside what the repair changed.
        Assert.Contains("sent back for the repair", changes, StringComparison.Ordinal);
        Assert.True(await round.Locator(".changes li").CountAsync() > 0, changes);
        var shown = await diff.InnerTextAsync();
        Assert.Contains("+ " + added, shown, StringComparison.Ordinal);
        if (removed is not null)
        {
            Assert.Contains("- " + removed, shown, StringComparison.Ordinal);
        }

        Assert.Equal("rgb(13, 90, 38)", await diff.Locator(".add").First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await round.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(example.Folder, "changes.png") });
        output.WriteLine($"Screenshot: {Path.Combine(example.Folder, "changes.png")}");
    }

    private static string[] Lines(string code) => code.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; tools/setup.sh installs Debian's chromium.");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run"],
        });
    }

    private static string Counts(JsonElement rate) => $"{rate.GetProperty("successes").GetInt32()}/{rate.GetProperty("trials").GetInt32()} ";
}
