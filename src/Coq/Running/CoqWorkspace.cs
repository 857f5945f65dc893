using System.Security.Cryptography;
using ProofCheck.Execution;

namespace ProofCheck.Coq.Running;

/// <summary>
/// A temporary folder for one check, deleted on dispose whatever happened, and the coqc runs in it (sandboxed
/// unless the user opted out). Library prefixes are random per check, so a submission cannot name the
/// canonical library or pose as it. Each stage has a folder of its own, the only one its sandbox may write;
/// the folders of earlier stages (and the cached canonical library) are visible read-only, and a later stage's
/// folder is created (and its file written) by ProofCheck only when that stage starts, so code a submission runs
/// while it is compiled can change nothing a later stage reads. The folder lives under the process's temp root
/// (<see cref="TempFolders"/>), which is removed even when the process is killed.
/// </summary>
internal sealed class CoqWorkspace(CoqInstallation coq, bool sandboxed, TimeSpan timeLimit) : IDisposable
{
    private readonly DateTime deadline = DateTime.UtcNow + timeLimit;

    public string Root { get; } = TempFolders.Create("coq-").FullName;

    public string CandidatePrefix { get; } = "PCSubmission" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Whether coqc runs in the sandbox (part of the canonical library's cache key).</summary>
    public bool Sandboxed => sandboxed;

    public CoqInstallation Coq => coq;

    /// <summary>The folder of one stage (created when the stage runs).</summary>
    public string Stage(string name) => Path.Combine(Root, name);

    /// <summary>The memory cap of every coqc run (the sandbox's address-space limit), named when coqc is killed.</summary>
    public long MemoryLimitBytes { get; } = new SandboxPolicy(string.Empty).MemoryLimitBytes;

    /// <summary>
    /// Writes <paramref name="text"/> as <c>{stage}/{name}.v</c> and compiles it with the given load paths (absolute
    /// folders; every one but the stage's own is read-only in the sandbox); <paramref name="timed"/> adds
    /// <c>-time</c>, so standard output lists the range of every sentence coqc ran.
    /// </summary>
    public async Task<ProcessResult> CompileAsync(string stage, string name, string text, IEnumerable<(string Folder, string Prefix)> loadPaths, CancellationToken cancellationToken, bool timed = false)
    {
        var stageFolder = Stage(stage);
        Directory.CreateDirectory(stageFolder);
        var file = Path.Combine(stageFolder, name + ".v");
        await File.WriteAllTextAsync(file, text, cancellationToken).ConfigureAwait(false);
        var args = new List<string> { "-q" };
        if (timed)
        {
            args.Add("-time");
        }

        var command = Command(coq.Coqc, args, stageFolder, loadPaths);
        if (command is null)
        {
            return new ProcessResult(-1, string.Empty, string.Empty, TimeSpan.Zero) { TimedOut = true, Sandboxed = sandboxed };
        }

        args.Add(file);
        return await ProcessRunner.RunAsync(command.WithArguments(args), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="program"/> (coqtop) in the stage's own folder and sandbox, like <see cref="CompileAsync"/>,
    /// with standard input written by <paramref name="input"/> while it runs. The folder is created empty here; the
    /// caller puts the stage's files in it later.
    /// </summary>
    public async Task<ProcessResult> RunFedAsync(string stage, string program, IEnumerable<(string Folder, string Prefix)> loadPaths, Func<Stream, CancellationToken, Task> input, CancellationToken cancellationToken)
    {
        var stageFolder = Stage(stage);
        Directory.CreateDirectory(stageFolder);
        var args = new List<string> { "-q" };
        var command = Command(program, args, stageFolder, loadPaths);
        return command is null
            ? new ProcessResult(-1, string.Empty, string.Empty, TimeSpan.Zero) { TimedOut = true, Sandboxed = sandboxed }
            : await ProcessRunner.RunAsync(command.WithArguments(args).WithStandardInputWriter(input), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The command for one stage: <paramref name="args"/> gets the load paths (every folder but the stage's own is
    /// read-only in the sandbox); null when the check's time is already up.
    /// </summary>
    private ProcessCommand? Command(string program, List<string> args, string stageFolder, IEnumerable<(string Folder, string Prefix)> loadPaths)
    {
        var readOnly = new List<string>();
        foreach (var (dir, prefix) in loadPaths)
        {
            args.AddRange(["-Q", dir, prefix]);
            if (dir != stageFolder)
            {
                readOnly.Add(dir);
            }
        }

        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        return new ProcessCommand(program)
            .WithWorkingDirectory(stageFolder)
            .WithTimeout(remaining)
            .WithOutputLimit(1024 * 1024)
            .AsChecker()
            .WithHugePages()
            .WithSandbox(sandboxed ? new SandboxPolicy(stageFolder) { MemoryLimitBytes = MemoryLimitBytes }.WithReadOnlyPaths(readOnly) : null);
    }

    /// <summary>The SHA-256 of a compiled library (<c>{folder}/{name}.vo</c>), or null when there is none.</summary>
    public static string? HashOf(string folder, string name)
    {
        var file = Path.Combine(folder, name + ".vo");
        if (!File.Exists(file))
        {
            return null;
        }

        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose() => TempFolders.Delete(Root);
}
