using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.AI;
using LLama.Native;
using ProofCheck.Models.Replay;

namespace ProofCheck.Models.Llama;

/// <summary>Formats messages into a prompt with the model's template or a named built-in one.</summary>
internal static unsafe class LlamaChatTemplate
{
    private static readonly string[] Common = ["chatml", "llama2", "llama3", "mistral-v7", "phi4", "gemma", "deepseek3"];

    public static string Apply(LlamaModel model, string? templateName, IReadOnlyList<ChatMessage> messages)
    {
        var template = templateName ?? model.ChatTemplate
            ?? throw new ModelException(
                $"{System.IO.Path.GetFileName(model.Path)} has no chat template.",
                "Name a built-in one (--template), e.g. " + string.Join(", ", Common.Where(LlamaRuntime.BuiltInTemplates().Contains)) + ".");
        var strings = new List<IntPtr>();
        try
        {
            var native = new LLamaChatMessage[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].role = (byte*)Utf8(messages[i].Role.Value, strings);
                native[i].content = (byte*)Utf8(RequestFingerprint.Text(messages[i]), strings);
            }

            var templatePtr = Utf8(template, strings);
            var size = Math.Max(256, messages.Sum(m => Encoding.UTF8.GetByteCount(RequestFingerprint.Text(m))) * 2 + 256);
            unsafe
            {
                fixed (LLamaChatMessage* m = native)
                {
                    while (true)
                    {
                        var buffer = new byte[size];
                        fixed (byte* b = buffer)
                        {
                            var n = NativeApi.llama_chat_apply_template((byte*)templatePtr, m, (nuint)native.Length, true, b, buffer.Length);
                            if (n < 0)
                            {
                                throw new ModelException(
                                    templateName is null
                                        ? "llama.cpp does not recognise the chat template stored in the model."
                                        : $"\"{templateName}\" is not a chat template llama.cpp knows.",
                                    "Name a built-in one (--template): " + string.Join(", ", LlamaRuntime.BuiltInTemplates()) + ".");
                            }

                            if (n <= buffer.Length)
                            {
                                return Encoding.UTF8.GetString(buffer, 0, n);
                            }

                            size = n;
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var p in strings)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    private static IntPtr Utf8(string text, List<IntPtr> owned)
    {
        var p = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(p);
        return p;
    }
}
