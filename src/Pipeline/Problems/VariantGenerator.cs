namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// Generates a family's variants: each parameter set fills the templates in the family's template folder
/// (the same file names as a problem folder) and becomes a problem with id <c>parent/set-id</c>.
/// </summary>
internal static class VariantGenerator
{
    public static IReadOnlyList<Problem> Generate(Problem parent, VariantFamily family, string manifestPath, List<ProblemError> errors)
    {
        var templateFolder = Path.Combine(parent.Directory, family.TemplateFolder);
        if (!Directory.Exists(templateFolder))
        {
            errors.Add(new ProblemError(manifestPath, $"variant template folder '{family.TemplateFolder}' does not exist"));
            return [];
        }

        var templates = ProblemLoader.ReadArtifacts(templateFolder, errors);
        var shared = new ProblemManifest(parent.Id, parent.Title, parent.Provenance)
        {
            Tags = parent.Tags,
            MainTheorem = parent.MainTheorem,
            AllowedAxioms = parent.AllowedAxioms,
            AllowedImports = parent.AllowedImports,
        };
        ProblemLoader.CheckArtifacts(templateFolder, shared, templates, errors);
        CheckParametersAreUsed(family, templates, manifestPath, errors);

        var variants = new List<Problem>();
        var seenStatements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in family.Sets)
        {
            var files = new Dictionary<string, (string Path, string Text)>(StringComparer.Ordinal);
            foreach (var (name, template) in templates)
            {
                files[name] = (template.Path, Template.Expand(template.Text, set.Values, template.Path, errors));
            }

            var id = ProblemIds.VariantId(parent.Id, set.Id);
            var title = Template.Expand(family.TitleTemplate, set.Values, manifestPath, errors);
            var variant = ProblemLoader.Build(shared, parent.Directory, id, title, files) with
            {
                ParentId = parent.Id,
                Parameters = set.Values,
                Variation = family.Variation,
            };

            // Two parameter sets that generate the same statement are one problem counted twice.
            var key = variant.StatementMarkdown + "\u0000" + variant.LeanStatement + "\u0000" + variant.CoqStatement;
            if (!seenStatements.TryAdd(key, set.Id) || key == parent.StatementMarkdown + "\u0000" + parent.LeanStatement + "\u0000" + parent.CoqStatement)
            {
                var same = seenStatements.TryGetValue(key, out var other) && other != set.Id ? $"variant '{other}'" : "the original problem";
                errors.Add(new ProblemError(manifestPath, $"variant '{set.Id}' generates the same statements as {same}", set.Line));
            }

            variants.Add(variant);
        }

        return variants;
    }

    /// <summary>A parameter no template mentions is almost always a typo in its name.</summary>
    private static void CheckParametersAreUsed(VariantFamily family, Dictionary<string, (string Path, string Text)> templates, string manifestPath, List<ProblemError> errors)
    {
        var used = templates.Values.SelectMany(t => Template.Placeholders(t.Text))
            .Concat(Template.Placeholders(family.TitleTemplate))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var set in family.Sets)
        {
            foreach (var name in set.Values.Keys.Where(n => !used.Contains(n)))
            {
                errors.Add(new ProblemError(manifestPath, $"parameter '{name}' of variant '{set.Id}' is not used by any template", set.Line));
            }
        }
    }
}
