namespace ProofCheck.Pipeline.Tests.Problems;

/// <summary>A throwaway problems/ folder for one test, written file by file and deleted afterwards.</summary>
internal sealed class ProblemFolder : IDisposable
{
    public ProblemFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "proofcheck-problems-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public ProblemFolder Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>A complete, valid problem folder; tests then overwrite the one file they are about.</summary>
    public ProblemFolder WriteMinimalProblem(string id, string? manifest = null)
    {
        Write($"{id}/problem.yaml", manifest ?? $"""
            id: {id}
            title: Addition is commutative
            provenance:
              kind: textbook
              reference: any algebra book
            tags: [algebra]
            theorem: add_comm_nat
            """);
        Write($"{id}/statement.md", "Prove that $a + b = b + a$ for natural numbers.\n");
        Write($"{id}/statement.lean", "import Mathlib\n\ntheorem add_comm_nat (a b : ℕ) : a + b = b + a := by sorry\n");
        Write($"{id}/statement.v", "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nAdmitted.\n");
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the test over it would not be.
        }
    }
}
