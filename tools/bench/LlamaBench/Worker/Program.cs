using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;

// Loads MODEL once, then answers each "run" line on stdin with one greedy request, printing
// {"tokens":N,"seconds":S,"text":"..."} (timed here, so pipe traffic is not counted).
// Usage: Worker MODEL MAX_TOKENS THREADS|default
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Worker MODEL MAX_TOKENS THREADS|default");
    return 2;
}

var maxTokens = int.Parse(args[1], CultureInfo.InvariantCulture);
var options = args[2] == "default"
    ? new LlamaChatClientOptions { ContextLength = 4096, Template = "chatml" }
    : new LlamaChatClientOptions { ContextLength = 4096, Template = "chatml", Threads = int.Parse(args[2], CultureInfo.InvariantCulture) };
using var model = LlamaModel.Load(args[0]);
using var client = new LlamaChatClient(model, options);
var chat = new ChatOptions { Temperature = 0f, MaxOutputTokens = maxTokens };
while (Console.ReadLine() is { } line && line == "run")
{
    var clock = Stopwatch.StartNew();
    var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Once upon a time")], chat);
    clock.Stop();
    var tokens = (int)(response.Usage?.OutputTokenCount ?? 0);
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["tokens"] = tokens,
        ["seconds"] = clock.Elapsed.TotalSeconds,
        ["text"] = response.Text,
    }));
}

return 0;
