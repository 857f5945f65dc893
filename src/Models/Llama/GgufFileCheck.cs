namespace ProofCheck.Models.Llama;

/// <summary>Turns the ways a model file can be unusable into messages a user can act on.</summary>
internal static class GgufFileCheck
{
    private static ReadOnlySpan<byte> Magic => "GGUF"u8;

    public static void ThrowIfUnusable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ModelException($"{path} is a folder, not a GGUF model file.");
        }

        if (!File.Exists(path))
        {
            throw new ModelException($"Model file not found: {path}", "Pass the path of a .gguf file, e.g. one downloaded from Hugging Face.");
        }

        Span<byte> head = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(Magic))
            {
                throw new ModelException(
                    $"{path} is not a GGUF file (it does not start with \"GGUF\").",
                    "llama.cpp reads GGUF only; convert other formats with llama.cpp's convert_hf_to_gguf.py.");
            }
        }
    }

    public static ModelException ExplainLoadFailure(string path, IReadOnlyList<string> log)
    {
        var text = string.Join("\n", log);
        var arch = log.FirstOrDefault(l => l.Contains("unknown model architecture", StringComparison.OrdinalIgnoreCase));
        if (arch is not null)
        {
            var name = arch[(arch.IndexOf("architecture", StringComparison.OrdinalIgnoreCase) + "architecture".Length)..].Trim(' ', ':', '\'');
            return new ModelException(
                $"{path} uses a model architecture this llama.cpp build does not support ({name}).",
                "Use a model of a supported architecture, or a newer LLamaSharp (and backend package) version.");
        }

        if (Contains(text, "not within the file bounds") || Contains(text, "failed to read") || Contains(text, "unexpectedly reached end of file")
            || Contains(text, "truncated") || Contains(text, "data is not within"))
        {
            return new ModelException($"{path} is truncated or corrupt (llama.cpp: {Last(log)}).", "Download the file again and compare its size or checksum.");
        }

        return new ModelException($"llama.cpp could not load {path}" + (log.Count > 0 ? $": {Last(log)}" : "."));
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string Last(IReadOnlyList<string> log) => log.Count == 0 ? "no reason given" : log[^1].Trim();
}
