using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using ProofCheck.Core;
using ProofCheck.Models;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck chat --model M "prompt"</c>: streams one answer, a quick way to see a backend work.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var system = new Option<string?>("--system") { Description = "A system message sent before the prompt." };
        var maxTokens = CommonOptions.MaxTokens("Longest answer in tokens, thinking included.");
        var temperature = CommonOptions.Temperature();
        var seed = CommonOptions.Seed("Seed for reproducible sampling.");
        var template = CommonOptions.Template();
        var context = CommonOptions.Context();
        var threads = CommonOptions.Threads();
        var pull = CommonOptions.Pull();
        var timeout = CommonOptions.HttpTimeout();
        var grammar = new Option<FileInfo?>("--grammar") { Description = "Embedded only: a GBNF grammar file the answer must match." };
        var record = new Option<string?>("--record") { Description = "Append the exchange to this replay file (JSON Lines)." };
        var reasoning = new Option<bool>("--show-reasoning") { Description = "Also print the model's reasoning (<think>…</think>) to stderr." };
        var prompt = new Argument<string>("prompt") { Description = "What to ask." };
        var command = new Command("chat", "Ask a model one question and stream its answer (reasoning is kept apart).")
        {
            model, system, maxTokens, temperature, seed, template, context, threads, pull, grammar, record, reasoning, prompt,
        };
        timeout.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ChatOptions
            {
                MaxOutputTokens = parse.GetValue(maxTokens),
                Temperature = parse.GetValue(temperature),
                Seed = parse.GetValue(seed),
            };
            if (parse.GetValue(grammar) is { } grammarFile)
            {
                if (!grammarFile.Exists)
                {
                    throw new UserInputException($"Grammar file not found: {grammarFile.FullName}");
                }

                var gbnf = await File.ReadAllTextAsync(grammarFile.FullName, ct).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(gbnf))
                {
                    throw new UserInputException($"Grammar file is empty: {grammarFile.FullName}");
                }

                options.AdditionalProperties = new() { [ChatOptionKeys.Grammar] = gbnf };
            }

            var messages = new List<ChatMessage>();
            if (parse.GetValue(system) is { Length: > 0 } systemText)
            {
                messages.Add(new ChatMessage(ChatRole.System, systemText));
            }

            messages.Add(new ChatMessage(ChatRole.User, parse.GetValue(prompt)!));
            try
            {
                using var client = ModelSelector.Create(parse.GetValue(model), new ModelSelectionOptions
                {
                    Template = parse.GetValue(template),
                    ContextLength = parse.GetValue(context),
                    Threads = parse.GetValue(threads),
                    Timeout = timeout.GetValue(parse) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    RecordTo = parse.GetValue(record),
                    PullMissing = parse.GetValue(pull),
                    PullProgress = Models.Ollama.OllamaPullProgress.Bar(Console.Error),
                });
                var showReasoning = parse.GetValue(reasoning);
                Stopwatch? clock = null;
                UsageDetails? usage = null;
                await foreach (var update in client.GetStreamingResponseAsync(messages, options, ct).ConfigureAwait(false))
                {
                    // Timed from the first answer piece, so model loading and prompt reading do not count.
                    clock ??= Stopwatch.StartNew();
                    foreach (var content in update.Contents)
                    {
                        switch (content)
                        {
                            case TextContent text:
                                await Console.Out.WriteAsync(text.Text).ConfigureAwait(false);
                                await Console.Out.FlushAsync(ct).ConfigureAwait(false);
                                break;
                            case TextReasoningContent thought when showReasoning:
                                await Console.Error.WriteAsync(thought.Text).ConfigureAwait(false);
                                break;
                            case UsageContent u:
                                usage = u.Details;
                                break;
                        }
                    }
                }

                await Console.Out.WriteLineAsync().ConfigureAwait(false);
                if (usage?.OutputTokenCount is { } tokens)
                {
                    await Console.Error.WriteLineAsync($"[{usage.InputTokenCount} prompt + {tokens} answer tokens, {tokens / Math.Max(clock!.Elapsed.TotalSeconds, 1e-9):0.#} tokens/s while answering]").ConfigureAwait(false);
                }
            }
            catch (ModelException e)
            {
                throw new UserInputException(e.Advice is null ? e.Message : $"{e.Message}\nhint: {e.Advice}", e);
            }

            return 0;
        });
        return command;
    }
}
