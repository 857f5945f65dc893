using System.Runtime.InteropServices;

namespace ProofCheck.Models.Llama.Native;

// Layouts of llama.cpp v0.5.0 (the @node-llama-cpp/linux-x64@3.22.1 build), measured with offsetof/sizeof on x86-64.
// C bool is one byte, declared here as byte so every struct stays blittable.

[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct LlamaModelParams
{
    [FieldOffset(0)] public IntPtr Devices;
    [FieldOffset(8)] public IntPtr TensorBuftOverrides;
    [FieldOffset(16)] public int NGpuLayers;
    [FieldOffset(20)] public int SplitMode;
    [FieldOffset(24)] public int LoadMode;
    [FieldOffset(28)] public int LazyMode;
    [FieldOffset(32)] public int MainGpu;
    [FieldOffset(40)] public IntPtr TensorSplit;
    [FieldOffset(48)] public IntPtr ProgressCallback;
    [FieldOffset(56)] public IntPtr ProgressCallbackUserData;
    [FieldOffset(64)] public IntPtr KvOverrides;
    [FieldOffset(72)] public byte VocabOnly;
    [FieldOffset(73)] public byte CheckTensors;
    [FieldOffset(74)] public byte UseExtraBufts;
    [FieldOffset(75)] public byte NoHost;
    [FieldOffset(76)] public byte NoAlloc;
    [FieldOffset(77)] public byte LoadMtp;
}

[StructLayout(LayoutKind.Explicit, Size = 160)]
internal struct LlamaContextParams
{
    [FieldOffset(0)] public uint NCtx;
    [FieldOffset(4)] public uint NBatch;
    [FieldOffset(8)] public uint NUbatch;
    [FieldOffset(12)] public uint NSeqMax;
    [FieldOffset(28)] public int NThreads;
    [FieldOffset(32)] public int NThreadsBatch;
    [FieldOffset(112)] public IntPtr AbortCallback;
    [FieldOffset(120)] public IntPtr AbortCallbackData;
    [FieldOffset(128)] public byte Embeddings;
    [FieldOffset(130)] public byte NoPerf;
}

[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct LlamaBatch
{
    [FieldOffset(0)] public int NTokens;
    [FieldOffset(8)] public IntPtr Token;
    [FieldOffset(16)] public IntPtr Embd;
    [FieldOffset(24)] public IntPtr Pos;
    [FieldOffset(32)] public IntPtr NSeqId;
    [FieldOffset(40)] public IntPtr SeqId;
    [FieldOffset(48)] public IntPtr Logits;
}

[StructLayout(LayoutKind.Sequential, Size = 16)]
internal struct LlamaChatMessage
{
    public IntPtr Role;
    public IntPtr Content;
}

[StructLayout(LayoutKind.Sequential, Size = 1)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}

[StructLayout(LayoutKind.Sequential, Size = 8)]
internal struct LlamaLogitBias
{
    public int Token;
    public float Bias;
}
