using System.Globalization;

namespace ProofCheck.TestSupport;

/// <summary>The processes below this process (read from /proc), to see that no checker is left running after a test or a bench.</summary>
public static class ChildProcesses
{
    /// <summary>Names (comm) of every live descendant of this process; zombies are left out (they have already exited).</summary>
    public static IReadOnlyList<string> Names()
    {
        var parents = new Dictionary<int, (int Parent, string Name, char State)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var rest = stat[(close + 2)..].Split(' ');
                parents[pid] = (int.Parse(rest[1], CultureInfo.InvariantCulture), stat[(open + 1)..close], rest[0][0]);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var self = Environment.ProcessId;
        var names = new List<string>();
        foreach (var (pid, (_, name, state)) in parents)
        {
            var p = pid;
            var guard = 0;
            while (parents.TryGetValue(p, out var info) && info.Parent != self && info.Parent > 1 && guard++ < 64)
            {
                p = info.Parent;
            }

            if (parents.TryGetValue(p, out var top) && top.Parent == self && state != 'Z')
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Waits up to <paramref name="within"/> for no descendant named <paramref name="name"/>; returns those still there.</summary>
    public static async Task<IReadOnlyList<string>> RemainingAsync(string name, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var left = Names().Where(n => n.Contains(name, StringComparison.Ordinal)).ToList();
            if (left.Count == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }

            await Task.Delay(200);
        }
    }
}
