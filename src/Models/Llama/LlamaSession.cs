using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Llama;

/// <summary>
/// One request's native state: a context on the shared model, its sampler chain, and the cancellation hook that
/// makes a long prompt decode stop promptly. Used by one thread at a time; freed on dispose. This is LLamaSharp's
/// low-level API on purpose: its executors keep a chat history and re-tokenize per turn, work a request here
/// never needs.
/// </summary>
internal sealed unsafe class LlamaSession : IDisposable
{
    private readonly LlamaModel model;
    private readonly SafeLLamaContextHandle context;
    private readonly SafeLLamaSamplerChainHandle sampler;
    private readonly LLamaBatch batch = new();
    private readonly byte* abortFlag;
    private readonly CancellationTokenRegistration abortRegistration;
    private readonly Decoder utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] chars = new char[512];
    private byte[] piece = new byte[256];
    private int position;

    public LlamaSession(LlamaModel model, LlamaChatClientOptions options, ChatOptions? chat, CancellationToken cancellationToken)
    {
        this.model = model;
        var p = LLamaContextParams.Default();
        p.n_ctx = (uint)(options.ContextLength > 0 ? options.ContextLength : model.TrainedContextLength);
        p.n_batch = (uint)options.BatchSize;
        p.n_ubatch = (uint)Math.Min(options.BatchSize, 512);
        p.n_threads = options.Threads;
        p.n_threads_batch = options.BatchThreads;
        try
        {
            context = SafeLLamaContextHandle.Create(model.Handle, p);
        }
        catch (LLama.Exceptions.RuntimeError e)
        {
            throw new ModelException($"llama.cpp could not create a context of {p.n_ctx} tokens (out of memory?).", "Use a smaller context length.", e);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // llama.cpp polls the callback between graph nodes; a native flag keeps each poll to one read.
            abortFlag = (byte*)NativeMemory.AllocZeroed(1);
            var flag = (IntPtr)abortFlag;
            abortRegistration = cancellationToken.Register(() => *(byte*)flag = 1);
            NativeApi.llama_set_abort_callback(context, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte>)&ShouldAbort, flag);
        }

        sampler = LlamaSampling.Build(model, chat);
        // llama.cpp rounds small contexts up (to 256); the limit a user asked for is the one enforced.
        var actual = (int)context.ContextSize;
        ContextLength = options.ContextLength > 0 ? Math.Min(options.ContextLength, actual) : actual;
        BatchSize = (int)context.BatchSize;
    }

    public int ContextLength { get; }

    public int BatchSize { get; }

    /// <summary>Feeds tokens to the model (the prompt, or one sampled token); logits are kept for the last one only.</summary>
    public void Decode(ReadOnlySpan<int> tokens, CancellationToken cancellationToken)
    {
        for (var start = 0; start < tokens.Length; start += BatchSize)
        {
            var chunk = tokens.Slice(start, Math.Min(BatchSize, tokens.Length - start));
            batch.Clear();
            for (var i = 0; i < chunk.Length; i++)
            {
                batch.Add(chunk[i], position + i, LLamaSeqId.Zero, i == chunk.Length - 1);
            }

            var rc = context.Decode(batch);
            switch (rc)
            {
                case DecodeResult.Ok:
                    position += chunk.Length;
                    break;
                case DecodeResult.ComputeAborted:
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("llama.cpp aborted the decode.");
                case DecodeResult.NoKvSlot:
                    throw new ModelException($"The context of {ContextLength} tokens is full.", "Raise the context length or shorten the prompt.");
                default:
                    throw new ModelException($"llama.cpp failed to decode (code {(int)rc}).");
            }
        }
    }

    /// <summary>Samples the next token from the last decoded position (and lets grammar/penalties see it).</summary>
    public int Sample() => (int)sampler.Sample(context, batch.TokenCount - 1);

    public bool IsEndOfGeneration(int token) => ((LLamaToken)token).IsEndOfGeneration(model.Vocab);

    /// <summary>The text of one token; bytes of a split UTF-8 character are kept until it completes.</summary>
    public string Piece(int token)
    {
        var n = (int)model.Handle.TokenToSpan(token, piece, 0, false);
        if (n > piece.Length)
        {
            // A piece longer than the buffer (rare: long special tokens); llama.cpp says how much it needs.
            piece = new byte[n];
            n = (int)model.Handle.TokenToSpan(token, piece, 0, false);
        }

        if (n <= 0)
        {
            return "";
        }

        var buffer = chars.Length >= n + 4 ? chars : new char[n + 4];
        var count = utf8.GetChars(piece, 0, n, buffer, 0, flush: false);
        return new string(buffer, 0, count);
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
