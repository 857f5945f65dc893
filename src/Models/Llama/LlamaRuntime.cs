using System.Runtime.InteropServices;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace ProofCheck.Models.Llama;

/// <summary>
/// Loads llama.cpp once per process through LLamaSharp, whose backend package (LLamaSharp.Backend.Cpu, or a CUDA or
/// Vulkan one a GPU user adds) puts the native libraries beside the program and picks the best variant for the CPU.
/// Before the first load it sets how idle OpenMP threads wait: see <see cref="EnsureLoaded"/>.
/// </summary>
public static class LlamaRuntime
{
    private static readonly Lock Gate = new();
    private static volatile bool ready;

    /// <summary>Where llama.cpp's log lines go (quiet unless set). llama.cpp has one global log, so this is global.</summary>
    public static ILogger Logger
    {
        get => LlamaLog.Logger;
        set => LlamaLog.Logger = value ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>"LLamaSharp 0.30.0" and the CPU features llama.cpp uses; loads the library if needed.</summary>
    public static string Version()
    {
        EnsureLoaded();
        var version = typeof(NativeApi).Assembly.GetName().Version;
        return $"LLamaSharp {version?.ToString(3)}";
    }

    /// <summary>The chat template names llama.cpp knows without a template in the model file.</summary>
    public static IReadOnlyList<string> BuiltInTemplates()
    {
        EnsureLoaded();
        unsafe
        {
            var count = NativeApi.llama_chat_builtin_templates(null, 0);
            var names = new IntPtr[count];
            fixed (IntPtr* p = names)
            {
                NativeApi.llama_chat_builtin_templates((char**)p, (nuint)count);
            }

            return [.. names.Select(n => Marshal.PtrToStringUTF8(n) ?? "")];
        }
    }

    internal static void EnsureLoaded()
    {
        if (ready)
        {
            return;
        }

        lock (Gate)
        {
            if (ready)
            {
                return;
            }

            // The CPU backend runs its threads with OpenMP, whose idle threads spin by default. A run checks proofs
            // while the model writes, so the cores are shared: spinning threads then steal time from the threads
            // doing the work and generation collapsed (1,900 to 16 tokens/s with two busy checkers). Passive waiting
            // costs nothing measurable on a quiet machine. libgomp reads this when it loads, from the C environment
            // (.NET's Environment.SetEnvironmentVariable does not reach it), and a user's own setting wins.
            unsafe
            {
                fixed (byte* name = "OMP_WAIT_POLICY\0"u8, value = "PASSIVE\0"u8)
                {
                    _ = setenv(name, value, 0);
                }
            }

            try
            {
                if (!NativeLibraryConfig.LLama.LibraryHasLoaded)
                {
                    NativeLibraryConfig.All.WithLogCallback(LlamaLog.OnLog);
                }

                NativeApi.llama_empty_call();
                NativeLogConfig.llama_log_set(LlamaLog.OnLog);
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or LLama.Exceptions.RuntimeError)
            {
                throw new ModelException(
                    "The llama.cpp native library could not be loaded: " + (e.InnerException ?? e).Message,
                    "It comes with the LLamaSharp.Backend.Cpu package (runtimes/<platform>/native beside the program); "
                    + "rebuild, and on Debian/Ubuntu install libgomp1 (`bash tools/setup.sh` does).",
                    e);
            }

            ready = true;
        }
    }

#pragma warning disable SYSLIB1054 // one call at start-up; a generated stub buys nothing
    [DllImport("libc")]
    private static extern unsafe int setenv(byte* name, byte* value, int overwrite);
#pragma warning restore SYSLIB1054
}
