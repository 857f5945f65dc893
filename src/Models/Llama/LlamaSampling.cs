using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Llama;

/// <summary>Builds llama.cpp's native sampler chain for a request's options: grammar, penalties, then greedy or top-k/top-p/min-p/temperature/seeded draw.</summary>
internal static class LlamaSampling
{
    private const uint RandomSeed = 0xFFFFFFFF;

    public static SafeLLamaSamplerChainHandle Build(LlamaModel model, ChatOptions? options)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        try
        {
            if (ChatOptionKeys.GetString(options, ChatOptionKeys.Grammar) is { Length: > 0 } grammar)
            {
                AddGrammar(chain, model, grammar);
            }

            var repeat = ChatOptionKeys.Get<float>(options, ChatOptionKeys.RepetitionPenalty) ?? 1f;
            var frequency = options?.FrequencyPenalty ?? 0f;
            var presence = options?.PresencePenalty ?? 0f;
            if (repeat != 1f || frequency != 0f || presence != 0f)
            {
                chain.AddPenalties(64, repeat, frequency, presence);
            }

            var temperature = options?.Temperature ?? 0.8f;
            if (temperature <= 0f)
            {
                chain.AddGreedySampler();
                return chain;
            }

            chain.AddTopK(options?.TopK ?? 40);
            chain.AddTopP(options?.TopP ?? 0.95f, 1);
            chain.AddMinP(ChatOptionKeys.Get<float>(options, ChatOptionKeys.MinP) ?? 0.05f, 1);
            chain.AddTemperature(temperature);
            chain.AddDistributionSampler(options?.Seed is { } s ? unchecked((uint)s) : RandomSeed);
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    private static void AddGrammar(SafeLLamaSamplerChainHandle chain, LlamaModel model, string grammar)
    {
        // LLamaSharp's AddGrammar hands a grammar llama.cpp refused (a null sampler) straight to the chain, which
        // crashes the process; so the grammar is first parsed here, through the same library, and refused politely.
        var errors = LlamaLog.BeginCapture();
        bool parses;
        try
        {
            parses = GrammarParses(model, grammar);
        }
        finally
        {
            LlamaLog.EndCapture();
        }

        if (!parses)
        {
            throw new ModelException(
                "The GBNF grammar does not parse" + (errors.Count > 0 ? ": " + errors[^1] : "."),
                "The grammar needs a rule named root.");
        }

        chain.AddGrammar(model.Vocab, grammar, "root");
    }

    private static unsafe bool GrammarParses(LlamaModel model, string grammar)
    {
        // "llama" is the name LLamaSharp imports; its resolver answers with the library it already loaded.
        var library = NativeLibrary.Load("llama", typeof(NativeApi).Assembly, null);
        var getVocab = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)NativeLibrary.GetExport(library, "llama_model_get_vocab");
        var init = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, IntPtr>)NativeLibrary.GetExport(library, "llama_sampler_init_grammar");
        var free = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(library, "llama_sampler_free");
        var text = Encoding.UTF8.GetBytes(grammar + "\0");
        var added = false;
        try
        {
            model.Handle.DangerousAddRef(ref added);
            fixed (byte* g = text, root = "root\0"u8)
            {
                var sampler = init(getVocab(model.Handle.DangerousGetHandle()), g, root);
                if (sampler == IntPtr.Zero)
                {
                    return false;
                }

                free(sampler);
                return true;
            }
        }
        finally
        {
            if (added)
            {
                model.Handle.DangerousRelease();
            }
        }
    }
}
