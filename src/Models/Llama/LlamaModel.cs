using System.Text;
using LLama.Native;

namespace ProofCheck.Models.Llama;

/// <summary>
/// A GGUF model loaded into this process through llama.cpp (LLamaSharp's native handles). Thread-safe: any number of
/// <see cref="LlamaChatClient"/>s (each request gets its own context) can share one loaded model.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle handle;

    private LlamaModel(string path, SafeLlamaModelHandle handle)
    {
        Path = path;
        this.handle = handle;
        VocabularySize = handle.Vocab.Count;
        TrainedContextLength = handle.ContextSize;
        Description = handle.Description;
        var template = handle.MetadataValueByKey("tokenizer.chat_template");
        ChatTemplate = template is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : null;
    }

    public string Path { get; }

    /// <summary>llama.cpp's one-line description, e.g. "llama 7B Q4_K - Medium".</summary>
    public string Description { get; }

    public int VocabularySize { get; }

    public int TrainedContextLength { get; }

    /// <summary>The chat template stored in the file, or null when it has none (then a built-in one must be named).</summary>
    public string? ChatTemplate { get; }

    internal SafeLlamaModelHandle Handle => handle;

    internal SafeLlamaModelHandle.Vocabulary Vocab => handle.Vocab;

    /// <summary>
    /// Loads a GGUF file. Every failure a user can meet is a <see cref="ModelException"/> saying which one.
    /// <paramref name="gpuLayers"/> is how many layers a GPU backend (when one is installed) takes; the CPU backend
    /// ignores it, and the default leaves llama.cpp's choice (all layers) in place.
    /// </summary>
    public static LlamaModel Load(string path, int? gpuLayers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        GgufFileCheck.ThrowIfUnusable(path);
        LlamaRuntime.EnsureLoaded();
        var parameters = LLamaModelParams.Default();
        if (gpuLayers is { } layers)
        {
            parameters.n_gpu_layers = layers;
        }

        var errors = LlamaLog.BeginCapture();
        try
        {
            return new LlamaModel(path, SafeLlamaModelHandle.LoadFromFile(System.IO.Path.GetFullPath(path), parameters));
        }
        catch (Exception e) when (e is LLama.Exceptions.RuntimeError or LLama.Exceptions.LoadWeightsFailedException)
        {
            throw GgufFileCheck.ExplainLoadFailure(path, errors);
        }
        finally
        {
            LlamaLog.EndCapture();
        }
    }

    /// <summary>The model's tokens for <paramref name="text"/>; <paramref name="addSpecial"/> adds BOS where the model wants it.</summary>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        return Array.ConvertAll(handle.Tokenize(text, addSpecial, parseSpecial, Encoding.UTF8), t => (int)t);
    }

    /// <summary>The text of <paramref name="tokens"/>, without BOS/EOS.</summary>
    public string Detokenize(ReadOnlySpan<int> tokens)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var bytes = new List<byte>();
        var piece = new byte[64];
        foreach (var token in tokens)
        {
            var n = (int)handle.TokenToSpan(token, piece, 0, false);
            if (n > piece.Length)
            {
                piece = new byte[n];
                n = (int)handle.TokenToSpan(token, piece, 0, false);
            }

            bytes.AddRange(piece.AsSpan(0, n));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    public void Dispose() => handle.Dispose();
}
