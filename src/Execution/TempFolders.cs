using System.Diagnostics;
using System.Globalization;

namespace ProofCheck.Execution;

/// <summary>
/// Every temporary folder a ProofCheck process makes lives under one root of its own,
/// <c>$TMPDIR/proofcheck-PID-RANDOM/</c>, so "nothing was left behind" is a question about one folder, never a
/// listing of the shared temp directory. The root goes away with the process however it ends:
/// <list type="bullet">
/// <item>normal exit and cancellation: each user deletes its folder, and the root is deleted at exit;</item>
/// <item>SIGKILL (or a crash): a small reaper process, started with the root, holds the read end of a pipe
/// whose write end only this process has; when the kernel closes it (the process is gone, however), the
/// reaper deletes the root. The reaper runs in a session of its own so a signal to our process group spares it;</item>
/// <item>if the reaper was killed too: the next ProofCheck process deletes every root whose owner no longer holds
/// its lock (a lock the kernel drops with the process, so a reused PID cannot keep a stale root alive).</item>
/// </list>
/// </summary>
public static class TempFolders
{
    private const string RootPrefix = "proofcheck-";
    private const string LockName = ".owner.lock";

    private static readonly Lazy<ProcessRoot> Current = new(ProcessRoot.Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>This process's root; created (with its reaper) on first use.</summary>
    public static string Root => Current.Value.Path;

    /// <summary>A new, empty folder under this process's root, named <c>{prefix}RANDOM</c>.</summary>
    public static DirectoryInfo Create(string prefix)
    {
        var path = System.IO.Path.Combine(Root, prefix + System.IO.Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal));
        return Directory.CreateDirectory(path);
    }

    /// <summary>Deletes a folder made by <see cref="Create"/>; a file a just-killed process still holds gets one retry. Never throws.</summary>
    public static void Delete(string path)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private sealed class ProcessRoot
    {
        private ProcessRoot(string path, FileStream ownerLock, Process? reaper)
        {
            Path = path;
            OwnerLock = ownerLock;
            Reaper = reaper;
        }

        public string Path { get; }

        // Held open for the life of the process: on Unix .NET takes an advisory lock (flock) for FileShare.None,
        // which is how a later process tells a live root from a stale one.
        private FileStream OwnerLock { get; }

        // Kept referenced: its standard input is the pipe whose closing tells it we are gone.
        private Process? Reaper { get; }

        public static ProcessRoot Create()
        {
            var temp = System.IO.Path.GetTempPath();
            SweepStale(temp);
            var path = System.IO.Path.Combine(temp, $"{RootPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{System.IO.Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)}");
            Directory.CreateDirectory(path);
            var ownerLock = new FileStream(System.IO.Path.Combine(path, LockName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            var root = new ProcessRoot(path, ownerLock, StartReaper(path));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => root.DeleteAtExit();
            return root;
        }

        private void DeleteAtExit()
        {
            OwnerLock.Dispose();
            Delete(Path);
            try
            {
                Reaper?.StandardInput.Close();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
            }
        }

        /// <summary>
        /// Started directly (not through the process runner, which ties every process to our life): this one must
        /// outlive us by a moment. It waits for end of input, then removes the root, retrying while a sandbox that
        /// is being torn down may still write into it.
        /// </summary>
        private static Process? StartReaper(string path)
        {
            var setsid = ExecutableResolver.Resolve("setsid");
            var sh = ExecutableResolver.Resolve("sh");
            if (!OperatingSystem.IsLinux() || setsid is null || sh is null)
            {
                return null;
            }

            var start = new ProcessStartInfo(setsid)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = false,
                UseShellExecute = false,
            };
            foreach (var a in new[] { sh, "-c", "cat >/dev/null; for i in 1 2 3 4 5 6 7 8 9 10; do rm -rf -- \"$1\" 2>/dev/null; [ -e \"$1\" ] || exit 0; sleep 0.5; done", "proofcheck-reaper", path })
            {
                start.ArgumentList.Add(a);
            }

            try
            {
                return Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// True when the PID in the root's name is a running process. The lock alone decides otherwise; this only
        /// keeps a live root safe where file locking is switched off (a reused PID merely delays the sweep).
        /// </summary>
        private static bool OwnerMayLive(string root)
        {
            var name = System.IO.Path.GetFileName(root)[RootPrefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            return dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && OperatingSystem.IsLinux() && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        /// <summary>Deletes the roots of ProofCheck processes that are gone (their lock is free).</summary>
        private static void SweepStale(string temp)
        {
            IEnumerable<string> roots;
            try
            {
                roots = Directory.EnumerateDirectories(temp, RootPrefix + "*-*").ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            foreach (var root in roots)
            {
                var lockFile = System.IO.Path.Combine(root, LockName);
                if (!File.Exists(lockFile) || OwnerMayLive(root))
                {
                    // Not one of ours (or being created this instant), or its process still runs: leave it.
                    continue;
                }

                try
                {
                    using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                Delete(root);
            }
        }
    }
}
