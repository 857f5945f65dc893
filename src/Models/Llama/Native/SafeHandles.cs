using Microsoft.Win32.SafeHandles;

namespace ProofCheck.Models.Llama.Native;

/// <summary>A loaded llama_model; freed when the last context using it is gone and it is disposed.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaModelHandle()
        : base(ownsHandle: true)
    {
    }

    internal SafeLlamaModelHandle(IntPtr handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        LlamaApi.llama_model_free(handle);
        return true;
    }
}

/// <summary>A llama_context. Holds a reference on its model so the model outlives it.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly SafeLlamaModelHandle model;

    internal SafeLlamaContextHandle(IntPtr handle, SafeLlamaModelHandle model)
        : base(ownsHandle: true)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        this.model = model;
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        LlamaApi.llama_free(handle);
        model.DangerousRelease();
        return true;
    }
}

/// <summary>A sampler chain; the chain owns every sampler added to it.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    internal SafeLlamaSamplerHandle(IntPtr handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        LlamaApi.llama_sampler_free(handle);
        return true;
    }
}
