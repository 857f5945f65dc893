namespace ProofCheck.Pipeline.Problems;

/// <summary>What a problem.yaml says, after its shape has been checked (see <see cref="ManifestReader"/>).</summary>
internal sealed record ProblemManifest(string Id, string Title, Provenance Provenance)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? MainTheorem { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedAxioms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedImports { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public VariantFamily? Variants { get; init; }
}

/// <summary>
/// A template folder plus parameter sets: each set becomes a problem of its own, with id <c>parent/set-id</c>,
/// and every <c>{{name}}</c> in the templates replaced by the set's value.
/// </summary>
internal sealed record VariantFamily(string Variation, string TemplateFolder, string TitleTemplate, IReadOnlyList<VariantParameters> Sets);

/// <summary>One parameter set of a family; <see cref="Line"/> points at it in problem.yaml for error messages.</summary>
internal sealed record VariantParameters(string Id, IReadOnlyDictionary<string, string> Values, int Line);
