using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace ProofCheck.Models.Llama.Native;

/// <summary>
/// Finds and loads the llama.cpp libraries once per process, in the order llama.cpp needs: the log callback first,
/// then the CPU backends from the library folder (llama.cpp would otherwise look beside the executable — dotnet —
/// and find none), then backend initialisation.
/// </summary>
public static class LlamaLibrary
{
    /// <summary>Overrides the folder holding libllama and the libggml* files.</summary>
    public const string FolderVariable = "PROOFCHECK_LLAMA_LIB";

    private const string RelativeFolder = "tools/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64";
    private const string Advice = "Run `bash tools/setup.sh` (it installs the llama.cpp libraries into tools/node_modules), or set " + FolderVariable + " to the folder holding libllama*.so.";
    private static readonly Lock Gate = new();
    private static IntPtr handle;
    private static volatile bool ready;
    private static string? loadedFolder;

    /// <summary>Where llama.cpp's log lines go (quiet unless set). llama.cpp has one global log, so this is global.</summary>
    public static ILogger Logger
    {
        get => LlamaLog.Logger;
        set => LlamaLog.Logger = value ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>The folder the libraries were loaded from, once loaded.</summary>
    public static string? LoadedFolder => loadedFolder;

    /// <summary>The folder that would be used: <c>PROOFCHECK_LLAMA_LIB</c>, else the project's tools folder found above the program.</summary>
    public static string? FindFolder()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>llama.cpp's version string (e.g. "0.5.0-dev"); loads the library if needed.</summary>
    public static string Version()
    {
        EnsureLoaded();
        unsafe
        {
            return Marshal.PtrToStringUTF8((IntPtr)LlamaApi.llama_version()) ?? "unknown";
        }
    }

    /// <summary>The chat template names llama.cpp knows without a template in the model file.</summary>
    public static IReadOnlyList<string> BuiltInTemplates()
    {
        EnsureLoaded();
        unsafe
        {
            var count = LlamaApi.llama_chat_builtin_templates(null, 0);
            var names = new IntPtr[count];
            fixed (IntPtr* p = names)
            {
                LlamaApi.llama_chat_builtin_templates((byte**)p, (nuint)count);
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

            var folder = FindFolder();
            var file = FindLibrary(folder);
            if (handle == IntPtr.Zero)
            {
                try
                {
                    handle = NativeLibrary.Load(Path.GetFullPath(file));
                }
                catch (DllNotFoundException e)
                {
                    throw new ModelException($"Could not load {file}: {e.Message}", Advice, e);
                }

                // The resolver can be set once per assembly; it is only reached after the handle exists.
                NativeLibrary.SetDllImportResolver(typeof(LlamaLibrary).Assembly, Resolve);
            }

            unsafe
            {
                LlamaApi.llama_log_set(LlamaLog.Callback, IntPtr.Zero);
            }

            LlamaApi.ggml_backend_load_all_from_path(Path.GetDirectoryName(file)!);
            if (LlamaApi.ggml_backend_reg_count() == 0)
            {
                throw new ModelException($"No llama.cpp CPU backend (libggml-cpu-*.so) could be loaded from {folder}.", Advice);
            }

            LlamaApi.llama_backend_init();
            loadedFolder = Path.GetDirectoryName(file);
            ready = true;
        }
    }

    /// <summary>The libllama file in <paramref name="folder"/>, or a message saying how to get one.</summary>
    internal static string FindLibrary(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            throw new ModelException(
                folder is null ? "The llama.cpp libraries were not found." : $"The llama.cpp library folder does not exist: {folder}",
                Advice);
        }

        return Directory.EnumerateFiles(folder, "libllama*.so")
            .Where(f => Path.GetFileName(f) is var n && (n == "libllama.so" || n.StartsWith("libllama.v", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(Path.GetFullPath)
            .FirstOrDefault()
            ?? throw new ModelException($"No libllama*.so in {folder}.", Advice);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == "llama" ? handle : IntPtr.Zero;
}
