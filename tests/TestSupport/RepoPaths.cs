namespace ProofCheck.TestSupport;

/// <summary>Where things are, found from the test binary upward, so tests run from any working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ProofCheck.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder with ProofCheck.sln).</summary>
    public static string Root => RootLazy.Value;

    public static string Grammars => Path.Combine(Root, "grammars");

    public static string Problems => Path.Combine(Root, "problems");

    /// <summary>
    /// The shared folder beside the repository (models, notes); CI places it there. PROOFCHECK_SHARED overrides it
    /// for checkouts that sit elsewhere (a git worktree).
    /// </summary>
    public static string Shared => Environment.GetEnvironmentVariable("PROOFCHECK_SHARED") is { Length: > 0 } shared
        ? Path.GetFullPath(shared)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The tiny random GGUF used for plumbing tests; never copied into the repository.</summary>
    public static string TinyModel => Path.Combine(Shared, "models", "llama-2-tiny-random.gguf");

    /// <summary>A path under the calling test project's folder (its TestData, golden files).</summary>
    public static string InTests(params string[] parts) => Path.Combine([Root, "tests", .. parts]);
}
