using System.Text.Json;
using Microsoft.Playwright;
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
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; tools/setup.sh installs Debian's chromium.");
        var htmlPath = Path.Combine(example.Folder, "report.html");
        var (code, jsonText, stderr) = await ProofCheckCli.RunAsync(["report", example.RunId, "--store", example.StorePath, "--html", htmlPath, "--json"], workingDirectory: example.Folder);
        Assert.True(code == 0, stderr);
        var report = JsonDocument.Parse(jsonText).RootElement.GetProperty("reports")[0];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run"],
        });
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

    private static string Counts(JsonElement rate) => $"{rate.GetProperty("successes").GetInt32()}/{rate.GetProperty("trials").GetInt32()} ";
}
