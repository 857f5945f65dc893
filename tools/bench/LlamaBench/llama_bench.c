/*
 * Baseline for the ProofCheck llama.cpp binding: the same work as one embedded chat request, in plain C.
 * Applies the chatml template, tokenizes, creates a context, decodes the prompt, then samples greedily one token
 * at a time (end-of-generation check, token_to_piece, decode) until EOG or the token limit.
 * Runs once per line read from stdin (so a harness can interleave runs one to one with its own) and prints one
 * JSON line per run: {"tokens":N,"seconds":S,"text":"..."}.
 * Usage: llama_bench MODEL PROMPT MAX_TOKENS LIB_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "llama.h"
#include "ggml-backend.h"

static void quiet(enum ggml_log_level level, const char *text, void *ud) { (void)level; (void)text; (void)ud; }

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void json_string(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s MODEL PROMPT MAX_TOKENS LIB_DIR\n", argv[0]);
        return 2;
    }
    const char *model_path = argv[1], *prompt = argv[2], *lib_dir = argv[4];
    int max_tokens = atoi(argv[3]);

    llama_log_set(quiet, NULL);
    ggml_backend_load_all_from_path(lib_dir);
    llama_backend_init();

    struct llama_model_params mp = llama_model_default_params();
    mp.n_gpu_layers = 0;
    struct llama_model *model = llama_model_load_from_file(model_path, mp);
    if (!model) { fprintf(stderr, "cannot load %s\n", model_path); return 1; }
    const struct llama_vocab *vocab = llama_model_get_vocab(model);

    size_t text_cap = 1 << 20;
    char *text = malloc(text_cap);
    char *formatted = malloc(1 << 16);
    llama_token *tokens = malloc(sizeof(llama_token) * 8192);

    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        double start = now();
        struct llama_chat_message msg = { "user", prompt };
        int flen = llama_chat_apply_template("chatml", &msg, 1, true, formatted, 1 << 16);
        int n_prompt = llama_tokenize(vocab, formatted, flen, tokens, 8192, true, true);

        struct llama_context_params cp = llama_context_default_params();
        cp.n_ctx = 4096;
        cp.n_batch = 512;
        cp.n_ubatch = 512;
        cp.n_threads = 1;
        cp.n_threads_batch = 1;
        struct llama_context *ctx = llama_init_from_model(model, cp);
        struct llama_sampler *chain = llama_sampler_chain_init(llama_sampler_chain_default_params());
        llama_sampler_chain_add(chain, llama_sampler_init_greedy());

        if (llama_decode(ctx, llama_batch_get_one(tokens, n_prompt)) != 0) { fprintf(stderr, "prompt decode failed\n"); return 1; }
        size_t text_len = 0;
        int generated = 0;
        char piece[256];
        while (generated < max_tokens && n_prompt + generated < 4096) {
            llama_token tok = llama_sampler_sample(chain, ctx, -1);
            if (llama_vocab_is_eog(vocab, tok)) break;
            generated++;
            int n = llama_token_to_piece(vocab, tok, piece, sizeof piece, 0, false);
            if (n > 0 && text_len + n < text_cap) { memcpy(text + text_len, piece, n); text_len += n; }
            if (llama_decode(ctx, llama_batch_get_one(&tok, 1)) != 0) { fprintf(stderr, "decode failed\n"); return 1; }
        }
        llama_sampler_free(chain);
        llama_free(ctx);
        double seconds = now() - start;
        printf("{\"tokens\":%d,\"seconds\":%.6f,\"text\":", generated, seconds);
        json_string(text, text_len);
        printf("}\n");
        fflush(stdout);
    }
    llama_model_free(model);
    free(text);
    free(formatted);
    free(tokens);
    return 0;
}
