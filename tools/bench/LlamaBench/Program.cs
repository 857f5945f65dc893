using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;
using ProofCheck.Models.Llama.Native;

// Tokens per second of the embedded backend (a full LlamaChatClient request) against the C baseline doing the same
// work through the same library, interleaved in rounds so both see the same machine noise.
// Usage: LlamaBench C_BINARY MODEL [PAIRS] [MAX_TOKENS]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LlamaBench C_BINARY MODEL [PAIRS] [MAX_TOKENS]");
    return 2;
}

var cBinary = args[0];
var modelPath = args[1];
var pairs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
var maxTokens = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
const string prompt = "Once upon a time";

using var model = LlamaModel.Load(modelPath);
using var client = new LlamaChatClient(model, new LlamaChatClientOptions { ContextLength = 4096, Threads = 1, BatchSize = 512, Template = "chatml" });
var options = new ChatOptions { Temperature = 0f, MaxOutputTokens = maxTokens };
var libDir = LlamaLibrary.LoadedFolder!;

async Task<(int Tokens, double Seconds, string Text)> CSharpRun()
{
    var clock = Stopwatch.StartNew();
    var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options);
    clock.Stop();
    return ((int)(response.Usage?.OutputTokenCount ?? 0), clock.Elapsed.TotalSeconds, response.Text);
}

var start = new ProcessStartInfo(cBinary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false };
foreach (var a in new[] { modelPath, prompt, maxTokens.ToString(CultureInfo.InvariantCulture), libDir })
{
    start.ArgumentList.Add(a);
}

using var baseline = Process.Start(start)!;

(int Tokens, double Seconds, string Text) CRun()
{
    baseline.StandardInput.WriteLine("run");
    baseline.StandardInput.Flush();
    var line = baseline.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{cBinary} ended early (exit {baseline.ExitCode}).");
    using var json = JsonDocument.Parse(line);
    var r = json.RootElement;
    return (r.GetProperty("tokens").GetInt32(), r.GetProperty("seconds").GetDouble(), r.GetProperty("text").GetString() ?? "");
}

// Warm-up: JIT and tiered compilation for C#, caches for both.
for (var i = 0; i < 5; i++)
{
    await CSharpRun();
    CRun();
}

// One C run, one C# run, alternating (order flipped each pair), so machine noise hits both alike.
var cRates = new List<double>();
var csRates = new List<double>();
var pairRatios = new List<double>();
string? cText = null, csText = null;
var tokens = 0;
for (var i = 0; i < pairs; i++)
{
    (int Tokens, double Seconds, string Text) c1, cs1;
    if (i % 2 == 0)
    {
        c1 = CRun();
        cs1 = await CSharpRun();
    }
    else
    {
        cs1 = await CSharpRun();
        c1 = CRun();
    }

    cRates.Add(c1.Tokens / c1.Seconds);
    csRates.Add(cs1.Tokens / cs1.Seconds);
    pairRatios.Add(cRates[^1] == 0 ? 0 : csRates[^1] / cRates[^1]);
    (cText, csText, tokens) = (c1.Text, cs1.Text, c1.Tokens);
}

baseline.StandardInput.Close();
baseline.WaitForExit();

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

var c = Median(cRates);
var cs = Median(csRates);
Console.WriteLine($"model        {Path.GetFileName(modelPath)}, greedy, {tokens} tokens per request, 1 thread, n_ctx 4096, chatml");
Console.WriteLine($"library      {libDir} (llama.cpp {LlamaLibrary.Version()})");
Console.WriteLine($"samples      {pairs} pairs of runs (one C, one C#, alternating order)");
Console.WriteLine($"C            median {c,8:0} tok/s   (min {cRates.Min():0}, max {cRates.Max():0})");
Console.WriteLine($"C# binding   median {cs,8:0} tok/s   (min {csRates.Min():0}, max {csRates.Max():0})");
Console.WriteLine($"ratio C#/C   {cs / c:0.000} of medians, {Median(pairRatios):0.000} median of per-pair ratios   (target >= 0.95)");
Console.WriteLine($"same text    {(cText == csText ? "yes" : "NO")}");
return cText == csText ? 0 : 1;
