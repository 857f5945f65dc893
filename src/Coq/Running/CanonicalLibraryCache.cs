using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ProofCheck.Execution;

namespace ProofCheck.Coq.Running;

/// <summary>The compiled canonical library (preamble and statement) a submission imports.</summary>
/// <param name="Folder">The folder that holds <c>Canonical.vo</c>; read-only to every coqc that loads it.</param>
/// <param name="Prefix">Its logical prefix (<c>-Q Folder Prefix</c>), fixed when it was compiled.</param>
/// <param name="Sha256">The hash of <c>Canonical.vo</c> recorded when it was compiled.</param>
/// <param name="Reused">True when it came from the cache rather than from this check's own compile.</param>
internal sealed record CanonicalLibrary(string Folder, string Prefix, string Sha256, bool Reused)
{
    public string QualifiedName => $"{Prefix}.{ClosingFiles.CanonicalLibrary}";
}

/// <summary>
/// Compiles each canonical library once and reuses it. A check's first coqc run used to compile the statement's
/// preamble and statement every time; for a problem whose preamble is most of a file that was most of the check.
/// <para>
/// The key is a SHA-256 of everything that determines the <c>.vo</c>: the library's text, the coqc binary, version
/// and standard library, the flags, and whether it was compiled in the sandbox. An entry is written only here,
/// by ProofCheck, after the trusted statement stage has ended: its <c>.vo</c> is copied out of the stage folder,
/// hashed, and moved into place in one rename. Every later stage mounts it read-only, so no submission can write
/// it, and every reuse hashes it again against the recorded hash (a mismatch discards the entry and compiles
/// afresh). Entries are immutable; concurrent checks of the same problem compile it at most once per process,
/// and a race between processes is settled by the rename.
/// </para>
/// </summary>
internal sealed partial class CanonicalLibraryCache
{
    /// <summary>Bumped whenever the entry layout or the way the library is compiled changes.</summary>
    private const string Format = "proofcheck-coq-library 1";
    private const string Manifest = "entry.txt";

    private static readonly Lazy<CanonicalLibraryCache?> DefaultCache = new(() => Open(DefaultFolder()));

    private readonly ConcurrentDictionary<string, SemaphoreSlim> compiling = new(StringComparer.Ordinal);

    private CanonicalLibraryCache(string folder) => Folder = folder;

    /// <summary>
    /// The cache of this user: <c>PROOFCHECK_CACHE</c>, else <c>$XDG_CACHE_HOME/proofcheck</c>, else
    /// <c>~/.cache/proofcheck</c>, with <c>coq-libraries</c> under it. Null when no such folder can be made (then
    /// every check compiles its own library, as before).
    /// </summary>
    public static CanonicalLibraryCache? Default => DefaultCache.Value;

    public string Folder { get; }

    [GeneratedRegex("^PCStatement[0-9a-f]{12}$")]
    private static partial Regex PrefixPattern();

    /// <summary>A cache in <paramref name="folder"/> (created if missing), or null when it cannot be made.</summary>
    public static CanonicalLibraryCache? Open(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
            return new CanonicalLibraryCache(Path.GetFullPath(folder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The library for <paramref name="text"/>: reused when a verified entry exists, else compiled in the
    /// workspace's <c>statement</c> stage and stored. When coqc fails on it, the library is null and the result is
    /// coqc's (a failed compile is never stored).
    /// </summary>
    public static async Task<(CanonicalLibrary? Library, ProcessResult? Failure)> GetAsync(
        CanonicalLibraryCache? cache, CoqWorkspace workspace, string text, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return await CompileAsync(workspace, text, NewPrefix(), cancellationToken).ConfigureAwait(false);
        }

        var key = cache.KeyOf(workspace, text);
        var gate = cache.compiling.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cache.Find(key) is { } found)
            {
                return (found, null);
            }

            var (compiled, failure) = await CompileAsync(workspace, text, NewPrefix(), cancellationToken).ConfigureAwait(false);
            return compiled is null ? (null, failure) : (cache.Store(key, compiled), null);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<(CanonicalLibrary? Library, ProcessResult? Failure)> CompileAsync(
        CoqWorkspace workspace, string text, string prefix, CancellationToken cancellationToken)
    {
        var stage = workspace.Stage("statement");
        var result = await workspace.CompileAsync("statement", ClosingFiles.CanonicalLibrary, text, [(stage, prefix)], cancellationToken).ConfigureAwait(false);
        if (result.TimedOut || result.ExitCode != 0 || CoqWorkspace.HashOf(stage, ClosingFiles.CanonicalLibrary) is not { } hash)
        {
            return (null, result);
        }

        return (new CanonicalLibrary(stage, prefix, hash, Reused: false), null);
    }

    private static string NewPrefix() => "PCStatement" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private string KeyOf(CoqWorkspace workspace, string text)
    {
        var coq = workspace.Coq;
        var binary = new FileInfo(coq.Coqc);
        var material = string.Join('\n',
            Format,
            coq.Coqc,
            binary.Exists ? $"{binary.Length} {binary.LastWriteTimeUtc.Ticks}" : "missing",
            coq.Version,
            coq.Library,
            "flags: -q -Q <folder> <prefix>",
            workspace.Sandboxed ? "sandboxed" : "unsandboxed",
            text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>The entry for <paramref name="key"/> when it exists and its <c>.vo</c> still has the recorded hash.</summary>
    private CanonicalLibrary? Find(string key)
    {
        var entry = Path.Combine(Folder, key);
        if (!Directory.Exists(entry))
        {
            return null;
        }

        if (ReadManifest(entry) is { } manifest
            && CoqWorkspace.HashOf(entry, ClosingFiles.CanonicalLibrary) == manifest.Sha256)
        {
            return new CanonicalLibrary(entry, manifest.Prefix, manifest.Sha256, Reused: true);
        }

        // Damaged or tampered with: it is never loaded; the caller compiles afresh and replaces it.
        Remove(entry);
        return null;
    }

    private CanonicalLibrary Store(string key, CanonicalLibrary compiled)
    {
        var entry = Path.Combine(Folder, key);
        var staging = Path.Combine(Folder, ".new-" + Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal));
        try
        {
            Directory.CreateDirectory(staging);
            var vo = Path.Combine(staging, ClosingFiles.CanonicalLibrary + ".vo");
            File.Copy(Path.Combine(compiled.Folder, ClosingFiles.CanonicalLibrary + ".vo"), vo);
            if (CoqWorkspace.HashOf(staging, ClosingFiles.CanonicalLibrary) != compiled.Sha256)
            {
                // The stage's output changed after its hash was taken: do not keep it.
                Remove(staging);
                return compiled;
            }

            File.WriteAllText(Path.Combine(staging, Manifest), $"prefix {compiled.Prefix}\nsha256 {compiled.Sha256}\n");
            Directory.Move(staging, entry);
            MakeReadOnly(entry);
            return compiled with { Folder = entry };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process stored the same key first, or the cache cannot be written: this check keeps its own copy.
            Remove(staging);
            return Find(key) ?? compiled;
        }
    }

    private static (string Prefix, string Sha256)? ReadManifest(string entry)
    {
        try
        {
            var fields = File.ReadAllLines(Path.Combine(entry, Manifest))
                .Select(l => l.Split(' ', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return fields.TryGetValue("prefix", out var prefix) && PrefixPattern().IsMatch(prefix)
                && fields.TryGetValue("sha256", out var sha) && sha.Length == 64
                ? (prefix, sha)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void MakeReadOnly(string entry)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(entry))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static void Remove(string entry)
    {
        try
        {
            if (!OperatingSystem.IsWindows() && Directory.Exists(entry))
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        TempFolders.Delete(entry);
    }

    private static string? DefaultFolder()
    {
        var root = Environment.GetEnvironmentVariable("PROOFCHECK_CACHE") is { Length: > 0 } explicitCache
            ? explicitCache
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? Path.Combine(xdg, "proofcheck")
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
                    ? Path.Combine(home, ".cache", "proofcheck")
                    : null;
        return root is null ? null : Path.Combine(root, "coq-libraries");
    }
}
