using System.Security.Cryptography;
using ProofCheck.Execution;

namespace ProofCheck.Coq.Running;

/// <summary>
/// A temporary folder for one check, deleted on dispose whatever happened, and the coqc runs in it (sandboxed
/// unless the user opted out). Library prefixes are random per check, so a submission cannot name the
/// canonical library or pose as it. Each stage has a folder of its own, the only one its sandbox may write;
/// the folders of earlier stages are visible read-only, and a later stage's folder is created (and its file
/// written) by ProofCheck only when that stage starts, so code a submission runs while it is compiled can
/// change nothing a later stage reads.
/// </summary>
internal sealed class CoqWorkspace : IDisposable
{
    private readonly CoqInstallation coq;
    private readonly bool sandboxed;
    private readonly DateTime deadline;

    public CoqWorkspace(CoqInstallation coq, bool sandboxed, TimeSpan timeLimit)
    {
        this.coq = coq;
        this.sandboxed = sandboxed;
        deadline = DateTime.UtcNow + timeLimit;
        Root = Directory.CreateTempSubdirectory("proofcheck-coq-").FullName;
        var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        CanonicalPrefix = "PCStatement" + tag;
        CandidatePrefix = "PCSubmission" + tag;
    }

    public string Root { get; }

    public string CanonicalPrefix { get; }

    public string CandidatePrefix { get; }

    /// <summary>The qualified name of the compiled canonical library (preamble and statement) a submission imports.</summary>
    public string CanonicalLibraryName => $"{CanonicalPrefix}.{ClosingFiles.CanonicalLibrary}";

    /// <summary>The memory cap of every coqc run (the sandbox's address-space limit), named when coqc is killed.</summary>
    public long MemoryLimitBytes { get; } = new SandboxPolicy(string.Empty).MemoryLimitBytes;

    /// <summary>
    /// Writes <paramref name="text"/> as <c>{folder}/{name}.v</c> and compiles it with the given load paths;
    /// <paramref name="timed"/> adds <c>-time</c>, so standard output lists the range of every sentence coqc ran.
    /// </summary>
    public async Task<ProcessResult> CompileAsync(string folder, string name, string text, IEnumerable<(string Folder, string Prefix)> loadPaths, CancellationToken cancellationToken, bool timed = false)
    {
        var stageFolder = Path.Combine(Root, folder);
        Directory.CreateDirectory(stageFolder);
        var file = Path.Combine(stageFolder, name + ".v");
        await File.WriteAllTextAsync(file, text, cancellationToken).ConfigureAwait(false);
        var args = new List<string> { "-q" };
        if (timed)
        {
            args.Add("-time");
        }

        var readOnly = new List<string>();
        foreach (var (dir, prefix) in loadPaths)
        {
            args.AddRange(["-Q", Path.Combine(Root, dir), prefix]);
            if (dir != folder)
            {
                readOnly.Add(Path.Combine(Root, dir));
            }
        }

        args.Add(file);
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return new ProcessResult(-1, string.Empty, string.Empty, TimeSpan.Zero) { TimedOut = true, Sandboxed = sandboxed };
        }

        var command = new ProcessCommand(coq.Coqc)
            .WithArguments(args)
            .WithWorkingDirectory(stageFolder)
            .WithTimeout(remaining)
            .WithOutputLimit(1024 * 1024)
            .AsChecker()
            .WithSandbox(sandboxed ? new SandboxPolicy(stageFolder) { MemoryLimitBytes = MemoryLimitBytes }.WithReadOnlyPaths(readOnly) : null);
        return await ProcessRunner.RunAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SHA-256 of a compiled library (<c>{folder}/{name}.vo</c>), or null when there is none.</summary>
    public string? HashOf(string folder, string name)
    {
        var file = Path.Combine(Root, folder, name + ".vo");
        if (!File.Exists(file))
        {
            return null;
        }

        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process killed a moment ago may still hold a file; one retry, then leave it to the OS temp cleaner.
            Thread.Sleep(200);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
