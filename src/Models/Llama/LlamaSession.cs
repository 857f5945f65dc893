using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama.Native;

namespace ProofCheck.Models.Llama;

/// <summary>
/// One request's native state: a context on the shared model, its sampler chain, and the cancellation hook that
/// makes a long prompt decode stop promptly. Used by one thread at a time; freed on dispose.
/// </summary>
internal sealed unsafe class LlamaSession : IDisposable
{
    private readonly LlamaModel model;
    private readonly SafeLlamaContextHandle context;
    private readonly SafeLlamaSamplerHandle sampler;
    private readonly byte* abortFlag;
    private readonly CancellationTokenRegistration abortRegistration;
    private byte[] piece = new byte[256];
    private readonly Decoder utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] chars = new char[512];

    public LlamaSession(LlamaModel model, LlamaChatClientOptions options, ChatOptions? chat, CancellationToken cancellationToken)
    {
        this.model = model;
        var p = LlamaApi.llama_context_default_params();
        p.NCtx = (uint)(options.ContextLength > 0 ? options.ContextLength : model.TrainedContextLength);
        p.NBatch = (uint)options.BatchSize;
        p.NUbatch = (uint)Math.Min(options.BatchSize, 512);
        p.NThreads = options.Threads;
        p.NThreadsBatch = options.Threads;
        var raw = LlamaApi.llama_init_from_model(model.Handle, p);
        if (raw == IntPtr.Zero)
        {
            throw new ModelException($"llama.cpp could not create a context of {p.NCtx} tokens (out of memory?).", "Use a smaller context length.");
        }

        context = new SafeLlamaContextHandle(raw, model.Handle);
        if (cancellationToken.CanBeCanceled)
        {
            // llama.cpp polls the callback between graph nodes; a native flag keeps each poll to one read.
            abortFlag = (byte*)NativeMemory.AllocZeroed(1);
            var flag = (IntPtr)abortFlag;
            abortRegistration = cancellationToken.Register(() => *(byte*)flag = 1);
            LlamaApi.llama_set_abort_callback(context, &ShouldAbort, flag);
        }
        sampler = LlamaSampling.Build(model, chat);
        // llama.cpp rounds small contexts up (to 256); the limit a user asked for is the one enforced.
        var actual = (int)LlamaApi.llama_n_ctx(context);
        ContextLength = options.ContextLength > 0 ? Math.Min(options.ContextLength, actual) : actual;
        BatchSize = (int)LlamaApi.llama_n_batch(context);
    }

    public int ContextLength { get; }

    public int BatchSize { get; }

    /// <summary>Feeds tokens to the model (the prompt, or one sampled token).</summary>
    public void Decode(ReadOnlySpan<int> tokens, CancellationToken cancellationToken)
    {
        for (var start = 0; start < tokens.Length; start += BatchSize)
        {
            var chunk = tokens.Slice(start, Math.Min(BatchSize, tokens.Length - start));
            int rc;
            fixed (int* t = chunk)
            {
                rc = LlamaApi.llama_decode(context, LlamaApi.llama_batch_get_one(t, chunk.Length));
            }

            switch (rc)
            {
                case 0:
                    break;
                case 2:
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("llama.cpp aborted the decode.");
                case 1:
                    throw new ModelException($"The context of {ContextLength} tokens is full.", "Raise the context length or shorten the prompt.");
                default:
                    throw new ModelException($"llama.cpp failed to decode (code {rc}).");
            }
        }
    }

    /// <summary>Samples the next token from the last decoded position (and lets grammar/penalties see it).</summary>
    public int Sample() => LlamaApi.llama_sampler_sample(sampler, context, -1);

    public bool IsEndOfGeneration(int token) => LlamaApi.llama_vocab_is_eog(model.Vocab, token);

    /// <summary>The text of one token; bytes of a split UTF-8 character are kept until it completes.</summary>
    public string Piece(int token)
    {
        var n = ToPiece(token);
        if (n < 0)
        {
            // A piece longer than the buffer (rare: long special tokens); llama.cpp says how much it needs.
            piece = new byte[-n];
            n = ToPiece(token);
        }

        if (n <= 0)
        {
            return "";
        }

        var buffer = chars.Length >= n + 4 ? chars : new char[n + 4];
        var count = utf8.GetChars(piece, 0, n, buffer, 0, flush: false);
        return new string(buffer, 0, count);
    }

    private int ToPiece(int token)
    {
        fixed (byte* b = piece)
        {
            return LlamaApi.llama_token_to_piece(model.Vocab, token, b, piece.Length, 0, false);
        }
    }

    public void Dispose()
    {
        abortRegistration.Dispose();
        sampler.Dispose();
        context.Dispose();
        if (abortFlag != null)
        {
            NativeMemory.Free(abortFlag);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldAbort(IntPtr data) => *(byte*)data;
}
