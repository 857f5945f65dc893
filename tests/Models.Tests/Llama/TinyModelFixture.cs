using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.Llama;

/// <summary>The tiny random GGUF, loaded once for a test class; one thread and the chatml template (the file has none).</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture() => Model = LlamaModel.Load(RepoPaths.TinyModel);

    public LlamaModel Model { get; }

    public static LlamaChatClientOptions Options => new() { ContextLength = 512, Threads = 1, Template = "chatml" };

    public LlamaChatClient Client(LlamaChatClientOptions? options = null) => new(Model, options ?? Options);

    public static ChatMessage[] Prompt(string text = "Once upon a time") => [new(ChatRole.User, text)];

    public void Dispose() => Model.Dispose();
}
