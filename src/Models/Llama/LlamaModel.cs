using System.Runtime.InteropServices;
using System.Text;
using ProofCheck.Models.Llama.Native;

namespace ProofCheck.Models.Llama;

/// <summary>
/// A GGUF model loaded into this process through llama.cpp. Thread-safe: any number of
/// <see cref="LlamaChatClient"/>s (each request gets its own context) can share one loaded model.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle handle;

    private LlamaModel(string path, SafeLlamaModelHandle handle)
    {
        Path = path;
        this.handle = handle;
        Vocab = LlamaApi.llama_model_get_vocab(handle);
        VocabularySize = LlamaApi.llama_vocab_n_tokens(Vocab);
        TrainedContextLength = LlamaApi.llama_model_n_ctx_train(handle);
        unsafe
        {
            var buffer = stackalloc byte[256];
            var n = LlamaApi.llama_model_desc(handle, buffer, 256);
            Description = n > 0 ? Encoding.UTF8.GetString(buffer, Math.Min(n, 255)) : "";
            var template = LlamaApi.llama_model_chat_template(handle, null);
            ChatTemplate = template == null ? null : Marshal.PtrToStringUTF8((IntPtr)template);
        }
    }

    public string Path { get; }

    /// <summary>llama.cpp's one-line description, e.g. "llama 7B Q4_K - Medium".</summary>
    public string Description { get; }

    public int VocabularySize { get; }

    public int TrainedContextLength { get; }

    /// <summary>The chat template stored in the file, or null when it has none (then a built-in one must be named).</summary>
    public string? ChatTemplate { get; }

    internal IntPtr Vocab { get; }

    internal SafeLlamaModelHandle Handle => handle;

    /// <summary>Loads a GGUF file. Every failure a user can meet is a <see cref="ModelException"/> saying which one.</summary>
    public static LlamaModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        GgufFileCheck.ThrowIfUnusable(path);
        LlamaLibrary.EnsureLoaded();
        var parameters = LlamaApi.llama_model_default_params();
        parameters.NGpuLayers = 0;
        var errors = LlamaLog.BeginCapture();
        IntPtr model;
        try
        {
            model = LlamaApi.llama_model_load_from_file(System.IO.Path.GetFullPath(path), parameters);
        }
        finally
        {
            LlamaLog.EndCapture();
        }

        if (model == IntPtr.Zero)
        {
            throw GgufFileCheck.ExplainLoadFailure(path, errors);
        }

        return new LlamaModel(path, new SafeLlamaModelHandle(model));
    }

    /// <summary>The model's tokens for <paramref name="text"/>; <paramref name="addSpecial"/> adds BOS where the model wants it.</summary>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var bytes = Encoding.UTF8.GetBytes(text);
        unsafe
        {
            fixed (byte* t = bytes)
            {
                var tokens = new int[bytes.Length + 2];
                fixed (int* p = tokens)
                {
                    var n = LlamaApi.llama_tokenize(Vocab, t, bytes.Length, p, tokens.Length, addSpecial, parseSpecial);
                    if (n >= 0)
                    {
                        return tokens[..n];
                    }

                    tokens = new int[-n];
                }

                fixed (int* p = tokens)
                {
                    var n = LlamaApi.llama_tokenize(Vocab, t, bytes.Length, p, tokens.Length, addSpecial, parseSpecial);
                    return n < 0 ? throw new ModelException("The text is too long to tokenize.") : tokens[..n];
                }
            }
        }
    }

    /// <summary>The text of <paramref name="tokens"/>, without BOS/EOS.</summary>
    public string Detokenize(ReadOnlySpan<int> tokens)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        unsafe
        {
            fixed (int* p = tokens)
            {
                var buffer = new byte[Math.Max(16, tokens.Length * 8)];
                while (true)
                {
                    fixed (byte* b = buffer)
                    {
                        var n = LlamaApi.llama_detokenize(Vocab, p, tokens.Length, b, buffer.Length, removeSpecial: true, unparseSpecial: false);
                        if (n >= 0)
                        {
                            return Encoding.UTF8.GetString(buffer, 0, n);
                        }

                        buffer = new byte[-n];
                    }
                }
            }
        }
    }

    public void Dispose() => handle.Dispose();
}
