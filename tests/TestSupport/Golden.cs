using System.Runtime.CompilerServices;
using Xunit;

namespace ProofCheck.TestSupport;

/// <summary>
/// Snapshot testing with plain files: the expected text lives in a <c>.golden</c> file beside the test.
/// Set PROOFCHECK_UPDATE_GOLDEN=1 to (re)write golden files from the actual output, then review the diff.
/// </summary>
public static class Golden
{
    public static void Match(string actual, string goldenFileName, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(SourceDirectory(callerFile), "Golden", goldenFileName);
        var normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PROOFCHECK_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with PROOFCHECK_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != normalized)
        {
            var actualPath = path + ".actual";
            File.WriteAllText(actualPath, normalized);
            Assert.Fail($"Output differs from {path} (actual written to {actualPath}).\n{FirstDifference(expected, normalized)}");
        }
    }

    // CI builds are deterministic with source paths mapped to "/_/", so the caller's path is relative to the
    // repository root then.
    private static string SourceDirectory(string callerFile)
    {
        const string MappedRoot = "/_/";
        if (!callerFile.StartsWith(MappedRoot, StringComparison.Ordinal) || File.Exists(callerFile))
        {
            return Path.GetDirectoryName(callerFile)!;
        }

        return Path.GetDirectoryName(Path.Combine(RepoPaths.Root, callerFile[MappedRoot.Length..]))!;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(differ only in length)";
    }
}
