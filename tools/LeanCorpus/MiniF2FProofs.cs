using System.Text.Json;

namespace ProofCheck.LeanCorpus;

/// <summary>
/// Arranges published miniF2F proof bodies (a folder per problem index, one per prover, one file per proof that the
/// publisher's Lean run accepted: <c>PROOFS/&lt;index&gt;/&lt;prover&gt;/&lt;n&gt;.txt</c>) as the corpus expects: a folder per
/// problem with <c>Target.lean</c> (the miniF2F header and statement, <c>by sorry</c>) and one submission per proof,
/// built the way the publisher checked it (header, statement, proof body).
/// </summary>
internal static class MiniF2FProofs
{
    public static int Arrange(string statementsJsonl, string proofsFolder, string prover, string output)
    {
        if (!File.Exists(statementsJsonl) || !Directory.Exists(proofsFolder))
        {
            Console.Error.WriteLine($"error: '{statementsJsonl}' must be a miniF2F .jsonl file and '{proofsFolder}' a folder of proofs");
            return 2;
        }

        // The test split in file order: the publisher numbered its problems by this order.
        var problems = File.ReadLines(statementsJsonl)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("split").GetString() == "test")
            .ToList();
        var written = 0;
        foreach (var dir in Directory.GetDirectories(proofsFolder))
        {
            var proverDir = Path.Combine(dir, prover);
            if (!int.TryParse(Path.GetFileName(dir), out var index) || index >= problems.Count || !Directory.Exists(proverDir))
            {
                continue;
            }

            var p = problems[index];
            string Field(string name) => p.GetProperty(name).GetString() ?? string.Empty;
            var target = Path.Combine(output, $"{index:D3}-{Field("name")}");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "Target.lean"), Field("header") + Field("formal_statement").TrimEnd() + " sorry\n");
            foreach (var proof in Directory.GetFiles(proverDir, "*.txt"))
            {
                var statement = Field("header") + "\n" + Field("formal_statement") + "\n";
                File.WriteAllText(Path.Combine(target, Path.GetFileNameWithoutExtension(proof) + ".lean"), statement + "\n" + File.ReadAllText(proof));
                written++;
            }
        }

        Console.WriteLine($"{written} proofs by {prover} arranged in {output}");
        return 0;
    }
}
