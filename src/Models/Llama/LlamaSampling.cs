using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama.Native;

namespace ProofCheck.Models.Llama;

/// <summary>Builds the sampler chain for a request's options: grammar, penalties, then greedy or top-k/top-p/min-p/temperature/seeded draw.</summary>
internal static class LlamaSampling
{
    private const uint RandomSeed = 0xFFFFFFFF;

    public static SafeLlamaSamplerHandle Build(LlamaModel model, ChatOptions? options)
    {
        var chainParams = LlamaApi.llama_sampler_chain_default_params();
        var chain = new SafeLlamaSamplerHandle(LlamaApi.llama_sampler_chain_init(chainParams));
        try
        {
            if (ChatOptionKeys.GetString(options, ChatOptionKeys.Grammar) is { Length: > 0 } grammar)
            {
                var errors = LlamaLog.BeginCapture();
                IntPtr g;
                try
                {
                    g = LlamaApi.llama_sampler_init_grammar(model.Vocab, grammar, "root");
                }
                finally
                {
                    LlamaLog.EndCapture();
                }

                if (g == IntPtr.Zero)
                {
                    throw new ModelException("The GBNF grammar does not parse" + (errors.Count > 0 ? ": " + errors[^1] : "."), "The grammar needs a rule named root.");
                }

                LlamaApi.llama_sampler_chain_add(chain, g);
            }

            var repeat = ChatOptionKeys.Get<float>(options, ChatOptionKeys.RepetitionPenalty) ?? 1f;
            var frequency = options?.FrequencyPenalty ?? 0f;
            var presence = options?.PresencePenalty ?? 0f;
            if (repeat != 1f || frequency != 0f || presence != 0f)
            {
                LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_penalties(model.VocabularySize, 64, repeat, frequency, presence));
            }

            var temperature = options?.Temperature ?? 0.8f;
            if (temperature <= 0f)
            {
                LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_greedy());
                return chain;
            }

            LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_top_k(options?.TopK ?? 40));
            LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_top_p(options?.TopP ?? 0.95f, 1));
            LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_min_p(ChatOptionKeys.Get<float>(options, ChatOptionKeys.MinP) ?? 0.05f, 1));
            LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_temp(temperature));
            var seed = options?.Seed is { } s ? unchecked((uint)s) : RandomSeed;
            LlamaApi.llama_sampler_chain_add(chain, LlamaApi.llama_sampler_init_dist(seed));
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }
}
