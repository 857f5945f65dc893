namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// Turns one problem folder into problems: the problem itself, then one per variant parameter set.
/// Collects every error it finds instead of stopping at the first, so one run of <c>problems validate</c>
/// shows a problem author everything to fix.
/// </summary>
internal static class ProblemLoader
{
    public static IReadOnlyList<Problem> LoadFolder(string folder, List<ProblemError> errors)
    {
        var manifestPath = Path.Combine(folder, ProblemFiles.Manifest);
        if (!File.Exists(manifestPath))
        {
            errors.Add(new ProblemError(folder, $"no {ProblemFiles.Manifest} in this problem folder"));
            return [];
        }

        var before = errors.Count;
        var manifest = ManifestReader.Read(manifestPath, ReadText(manifestPath), errors);
        if (manifest is null)
        {
            return [];
        }

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (manifest.Id != folderName)
        {
            errors.Add(new ProblemError(manifestPath, $"id '{manifest.Id}' must equal the folder name '{folderName}'", 1));
        }

        var files = ReadArtifacts(folder, errors);
        CheckArtifacts(folder, manifest, files, errors);
        var parent = Build(manifest, folder, manifest.Id, manifest.Title, files);
        if (errors.Count > before)
        {
            return [];
        }

        var problems = new List<Problem> { parent };
        if (manifest.Variants is { } family)
        {
            problems.AddRange(VariantGenerator.Generate(parent, family, manifestPath, errors));
        }

        return errors.Count > before ? [] : problems;
    }

    /// <summary>The conventional files present in <paramref name="folder"/>: file name → (path, content).</summary>
    internal static Dictionary<string, (string Path, string Text)> ReadArtifacts(string folder, List<ProblemError> errors)
    {
        var names = new[] { ProblemFiles.Markdown, ProblemFiles.LeanStatement, ProblemFiles.CoqStatement }
            .Concat(ProblemFiles.ReferenceProof.Values)
            .Concat(ProblemFiles.BrokenProof.Values);
        var files = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            var text = ReadText(path);
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new ProblemError(path, "file is empty"));
                continue;
            }

            files[name] = (path, text);
        }

        return files;
    }

    /// <summary>The structural rules every problem (and every variant template folder) must satisfy.</summary>
    internal static void CheckArtifacts(string folder, ProblemManifest manifest, Dictionary<string, (string Path, string Text)> files, List<ProblemError> errors)
    {
        foreach (var required in new[] { ProblemFiles.Markdown, ProblemFiles.LeanStatement })
        {
            if (!files.ContainsKey(required))
            {
                errors.Add(new ProblemError(Path.Combine(folder, required), "missing: every problem needs a Markdown statement and a Lean statement"));
            }
        }

        foreach (var (target, proof) in ProblemFiles.ReferenceProof)
        {
            var broken = ProblemFiles.BrokenProof[target];
            if (files.ContainsKey(proof) && !files.ContainsKey(ProblemFiles.Statement[target]))
            {
                errors.Add(new ProblemError(Path.Combine(folder, proof), $"a reference proof needs the canonical statement {ProblemFiles.Statement[target]} beside it"));
            }

            if (files.ContainsKey(broken) && !files.ContainsKey(proof))
            {
                errors.Add(new ProblemError(Path.Combine(folder, broken), $"a broken copy needs the reference proof {proof} it was copied from"));
            }
        }

        var hasFormal = files.ContainsKey(ProblemFiles.LeanStatement) || files.ContainsKey(ProblemFiles.CoqStatement);
        if (hasFormal && manifest.MainTheorem is null)
        {
            errors.Add(new ProblemError(Path.Combine(folder, ProblemFiles.Manifest), "missing 'theorem': the name of the main theorem in the formal statements", 1));
        }
    }

    internal static Problem Build(ProblemManifest manifest, string folder, string id, string title, Dictionary<string, (string Path, string Text)> files)
    {
        string? Text(string name) => files.TryGetValue(name, out var f) ? f.Text : null;
        Dictionary<string, string> ByTarget(IReadOnlyDictionary<string, string> names) =>
            names.Where(n => files.ContainsKey(n.Value)).ToDictionary(n => n.Key, n => files[n.Value].Text, StringComparer.Ordinal);

        return new Problem(id, title, manifest.Provenance, Text(ProblemFiles.Markdown) ?? string.Empty)
        {
            Directory = folder,
            Tags = manifest.Tags,
            LeanStatement = Text(ProblemFiles.LeanStatement),
            CoqStatement = Text(ProblemFiles.CoqStatement),
            AllowedAxioms = manifest.AllowedAxioms,
            AllowedImports = manifest.AllowedImports,
            ReferenceProofs = ByTarget(ProblemFiles.ReferenceProof),
            BrokenProofs = ByTarget(ProblemFiles.BrokenProof),
            MainTheorem = manifest.MainTheorem,
            Sources = files.ToDictionary(f => f.Key, f => f.Value.Path, StringComparer.Ordinal),
        };
    }

    /// <summary>UTF-8 with line endings normalized, so a file checked out on Windows reads the same.</summary>
    internal static string ReadText(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");
}
