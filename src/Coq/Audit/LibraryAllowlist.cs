namespace ProofCheck.Coq.Audit;

/// <summary>
/// Which libraries a submission may <c>Require</c>: Coq's standard library (every logical name under
/// <c>Coq.</c>, by any suffix coqc accepts, e.g. <c>ZArith</c> or <c>Arith.PeanoNat</c>) plus the problem's own list.
/// </summary>
internal sealed class LibraryAllowlist
{
    private readonly HashSet<string> names;
    private readonly HashSet<string> extra;

    public LibraryAllowlist(IEnumerable<string> standardLibraryFiles, IEnumerable<string>? extra)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var full in standardLibraryFiles)
        {
            var parts = full.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                names.Add(string.Join('.', parts[i..]));
            }
        }

        this.extra = new HashSet<string>(extra ?? [], StringComparer.Ordinal);
    }

    public bool Allows(string library)
    {
        if (names.Contains(library) || extra.Contains(library))
        {
            return true;
        }

        // "From Coq Require X" arrives as "Coq.X", where X may itself be a partial name (ZArith for
        // Coq.ZArith.ZArith); a problem may also allow a whole prefix ("Mylib" allows "Mylib.Foo").
        return (library.StartsWith("Coq.", StringComparison.Ordinal) && names.Contains(library[4..]))
            || extra.Any(e => library.StartsWith(e + ".", StringComparison.Ordinal));
    }

    /// <summary>The logical names of the standard library found under coqc's library folder (<c>coqc -where</c>).</summary>
    public static IReadOnlyList<string> ScanStandardLibrary(string coqLib)
    {
        var result = new List<string>();
        var theories = Path.Combine(coqLib, "theories");
        if (Directory.Exists(theories))
        {
            result.AddRange(LogicalNames(theories, "Coq"));
        }

        // Ltac2 ships with Coq itself (in user-contrib); nothing else there is trusted by default.
        var ltac2 = Path.Combine(coqLib, "user-contrib", "Ltac2");
        if (Directory.Exists(ltac2))
        {
            result.AddRange(LogicalNames(ltac2, "Ltac2"));
        }

        return result;
    }

    private static IEnumerable<string> LogicalNames(string root, string prefix) =>
        Directory.EnumerateFiles(root, "*.vo", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Select(r => prefix + "." + r[..^3].Replace(Path.DirectorySeparatorChar, '.'));
}
