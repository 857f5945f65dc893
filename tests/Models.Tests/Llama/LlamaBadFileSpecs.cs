using System.Text;
using ProofCheck.Models.Llama;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.Llama;

public sealed class LlamaBadFileSpecs() : FolderSpecs("pc-gguf-")
{
    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Folder, "absent.gguf");

        var e = Assert.Throws<ModelException>(() => LlamaModel.Load(path));
        Assert.Equal($"Model file not found: {path}", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_gguf_is_named_as_such()
    {
        var path = Path.Combine(Folder, "model.bin");
        File.WriteAllText(path, "PK\u0003\u0004 this is a zip, not a model");

        var e = Assert.Throws<ModelException>(() => LlamaModel.Load(path));
        Assert.Contains("is not a GGUF file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_truncated()
    {
        var bytes = File.ReadAllBytes(RepoPaths.TinyModel);
        var path = Path.Combine(Folder, "half.gguf");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ModelException>(() => LlamaModel.Load(path));
        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_header_is_reported_as_truncated()
    {
        var bytes = File.ReadAllBytes(RepoPaths.TinyModel);
        var path = Path.Combine(Folder, "head.gguf");
        File.WriteAllBytes(path, bytes[..200]);

        var e = Assert.Throws<ModelException>(() => LlamaModel.Load(path));
        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_architecture_is_named()
    {
        var bytes = File.ReadAllBytes(RepoPaths.TinyModel);
        // general.architecture is a GGUF string (u64 length, bytes) after its key and a u32 type tag.
        var key = Encoding.ASCII.GetBytes("general.architecture");
        var at = bytes.AsSpan().IndexOf(key) + key.Length + 4 + 8;
        Assert.Equal("llama", Encoding.ASCII.GetString(bytes, at, 5));
        Encoding.ASCII.GetBytes("qwzzz").CopyTo(bytes, at);
        var path = Path.Combine(Folder, "alien.gguf");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ModelException>(() => LlamaModel.Load(path));
        Assert.Contains("architecture this llama.cpp build does not support (qwzzz)", e.Message, StringComparison.Ordinal);
    }
}
