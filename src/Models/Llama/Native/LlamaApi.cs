using System.Runtime.InteropServices;

namespace ProofCheck.Models.Llama.Native;

/// <summary>
/// The slice of the llama.cpp C API this project uses. "llama" is resolved by <see cref="LlamaLibrary"/> to the
/// libllama file of the configured folder; the ggml functions are found through libllama's dependency tree.
/// </summary>
internal static unsafe partial class LlamaApi
{
    private const string Lib = "llama";

    [LibraryImport(Lib)]
    public static partial void llama_log_set(delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ggml_backend_load_all_from_path(string dir);

    [LibraryImport(Lib)]
    public static partial nuint ggml_backend_reg_count();

    [LibraryImport(Lib)]
    public static partial void llama_backend_init();

    [LibraryImport(Lib)]
    public static partial byte* llama_version();

    [LibraryImport(Lib)]
    public static partial byte* llama_print_system_info();

    [LibraryImport(Lib)]
    public static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(Lib)]
    public static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(Lib)]
    public static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr llama_model_load_from_file(string path, LlamaModelParams parameters);

    [LibraryImport(Lib)]
    public static partial void llama_model_free(IntPtr model);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(Lib)]
    public static partial int llama_model_desc(SafeLlamaModelHandle model, byte* buffer, nuint size);

    [LibraryImport(Lib)]
    public static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(Lib)]
    public static partial byte* llama_model_chat_template(SafeLlamaModelHandle model, byte* name);

    [LibraryImport(Lib)]
    public static partial int llama_vocab_n_tokens(IntPtr vocab);

    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_is_eog(IntPtr vocab, int token);

    [LibraryImport(Lib)]
    public static partial int llama_tokenize(IntPtr vocab, byte* text, int textLength, int* tokens, int maxTokens, [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(Lib)]
    public static partial int llama_token_to_piece(IntPtr vocab, int token, byte* buffer, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(Lib)]
    public static partial int llama_detokenize(IntPtr vocab, int* tokens, int count, byte* text, int maxLength, [MarshalAs(UnmanagedType.U1)] bool removeSpecial, [MarshalAs(UnmanagedType.U1)] bool unparseSpecial);

    [LibraryImport(Lib)]
    public static partial int llama_chat_apply_template(byte* template, LlamaChatMessage* messages, nuint count, [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);

    [LibraryImport(Lib)]
    public static partial int llama_chat_builtin_templates(byte** output, nuint length);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(Lib)]
    public static partial void llama_free(IntPtr context);

    [LibraryImport(Lib)]
    public static partial uint llama_n_ctx(SafeLlamaContextHandle context);

    [LibraryImport(Lib)]
    public static partial uint llama_n_batch(SafeLlamaContextHandle context);

    [LibraryImport(Lib)]
    public static partial void llama_set_abort_callback(SafeLlamaContextHandle context, delegate* unmanaged[Cdecl]<IntPtr, byte> callback, IntPtr data);

    [LibraryImport(Lib)]
    public static partial LlamaBatch llama_batch_get_one(int* tokens, int count);

    [LibraryImport(Lib)]
    public static partial int llama_decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    [LibraryImport(Lib)]
    public static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, IntPtr sampler);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_greedy();

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_dist(uint seed);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_top_k(int k);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_min_p(float p, nuint minKeep);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_temp(float t);

    [LibraryImport(Lib)]
    public static partial IntPtr llama_sampler_init_penalties(int vocabSize, int lastN, float repeat, float frequency, float presence);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr llama_sampler_init_grammar(IntPtr vocab, string grammar, string root);

    [LibraryImport(Lib)]
    public static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(Lib)]
    public static partial void llama_sampler_free(IntPtr sampler);
}
