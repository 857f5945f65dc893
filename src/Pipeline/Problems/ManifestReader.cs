using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// Reads a problem.yaml into a <see cref="ProblemManifest"/>. It walks the YAML node tree itself (rather than
/// binding to a class) so that every complaint — a missing field, an unknown key, a bad value — carries the
/// file, line and column of the offending node.
/// </summary>
internal sealed class ManifestReader
{
    public static readonly IReadOnlyList<string> Targets = [.. CheckTargets.WithStatements.Select(t => t.Name)];

    private static readonly string[] TopLevelKeys = ["id", "title", "provenance", "tags", "theorem", "allowed", "variants"];

    private readonly string file;
    private readonly List<ProblemError> errors;

    private ManifestReader(string file, List<ProblemError> errors)
    {
        this.file = file;
        this.errors = errors;
    }

    /// <summary>Returns the manifest, or null after adding at least one error to <paramref name="errors"/>.</summary>
    public static ProblemManifest? Read(string file, string text, List<ProblemError> errors)
    {
        var reader = new ManifestReader(file, errors);
        var before = errors.Count;
        var root = reader.Parse(text);
        if (root is null)
        {
            return null;
        }

        var manifest = reader.ReadRoot(root);
        return errors.Count > before ? null : manifest;
    }

    private YamlMappingNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet wraps the useful message (e.g. a duplicate key) in its inner exception.
            var message = e.InnerException?.Message ?? e.Message;
            errors.Add(new ProblemError(file, $"not valid YAML: {message}", (int)e.Start.Line, (int)e.Start.Column));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (without a position) on some unterminated flow collections.
            errors.Add(new ProblemError(file, "not valid YAML: the text ended inside an unclosed [ ], { } or quote"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ProblemError(file, "expected a mapping with at least id, title and provenance", 1, 1));
            return null;
        }

        return root;
    }

    private ProblemManifest? ReadRoot(YamlMappingNode root)
    {
        RejectUnknownKeys(root, TopLevelKeys);
        var id = RequiredString(root, "id");
        if (id is not null && !ProblemIds.IsValidSegment(id))
        {
            Error(Child(root, "id")!, $"id '{id}' must be lower-case words joined by hyphens (e.g. repunit-prime)");
        }

        var title = RequiredString(root, "title");
        var provenance = ReadProvenance(root);
        var tags = OptionalList(root, "tags") ?? [];
        var theorem = OptionalString(root, "theorem");
        var (axioms, imports) = ReadAllowed(root);
        var variants = Child(root, "variants") is { } v ? ReadVariants(v) : null;

        if (id is null || title is null || provenance is null)
        {
            return null;
        }

        return new ProblemManifest(id, title, provenance)
        {
            Tags = tags,
            MainTheorem = theorem,
            AllowedAxioms = axioms,
            AllowedImports = imports,
            Variants = variants,
        };
    }

    private Provenance? ReadProvenance(YamlMappingNode root)
    {
        var node = Child(root, "provenance");
        if (node is null)
        {
            Error(root, "missing 'provenance' (kind: textbook|competition|folklore|novel, reference: where it comes from)");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, "'provenance' must be a mapping with 'kind' and 'reference'");
            return null;
        }

        RejectUnknownKeys(map, ["kind", "reference"]);
        var kindText = RequiredString(map, "kind");
        var reference = RequiredString(map, "reference");
        if (kindText is null || reference is null)
        {
            return null;
        }

        if (!Enum.TryParse<ProvenanceKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || kindText.Any(char.IsDigit))
        {
            Error(Child(map, "kind")!, $"provenance kind must be one of textbook, competition, folklore, novel (got '{kindText}')");
            return null;
        }

        return new Provenance(kind, reference);
    }

    private (Dictionary<string, IReadOnlyList<string>> Axioms, Dictionary<string, IReadOnlyList<string>> Imports) ReadAllowed(YamlMappingNode root)
    {
        var axioms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var imports = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var node = Child(root, "allowed");
        if (node is null)
        {
            return (axioms, imports);
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"'allowed' must map a target ({string.Join(", ", Targets)}) to its axioms and imports");
            return (axioms, imports);
        }

        RejectUnknownKeys(map, Targets);
        foreach (var target in Targets)
        {
            if (Child(map, target) is not { } t)
            {
                continue;
            }

            if (t is not YamlMappingNode rules)
            {
                Error(t, $"'allowed.{target}' must be a mapping with 'axioms' and/or 'imports'");
                continue;
            }

            RejectUnknownKeys(rules, ["axioms", "imports"]);
            if (OptionalList(rules, "axioms") is { } a)
            {
                axioms[target] = a;
            }

            if (OptionalList(rules, "imports") is { } i)
            {
                imports[target] = i;
            }
        }

        return (axioms, imports);
    }

    private VariantFamily? ReadVariants(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'variants' must be a mapping with variation, title and sets");
            return null;
        }

        RejectUnknownKeys(map, ["variation", "templates", "title", "sets"]);
        var variation = RequiredString(map, "variation");
        var templates = OptionalString(map, "templates") ?? "variant";
        var title = RequiredString(map, "title");
        var sets = ReadSets(map);
        return variation is null || title is null || sets is null ? null : new VariantFamily(variation, templates, title, sets);
    }

    private List<VariantParameters>? ReadSets(YamlMappingNode family)
    {
        var node = Child(family, "sets");
        if (node is not YamlSequenceNode { Children.Count: > 0 } seq)
        {
            Error(node ?? family, "'variants.sets' must be a non-empty list of {id, params}");
            return null;
        }

        var sets = new List<VariantParameters>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode set)
            {
                Error(item, "each variant set must be a mapping with 'id' and 'params'");
                continue;
            }

            RejectUnknownKeys(set, ["id", "params"]);
            var id = RequiredString(set, "id");
            var values = ReadParams(set);
            if (id is null || values is null)
            {
                continue;
            }

            if (!ProblemIds.IsValidSegment(id))
            {
                Error(Child(set, "id")!, $"variant id '{id}' must be lower-case words joined by hyphens (e.g. base-3)");
            }
            else if (!seen.Add(id))
            {
                Error(Child(set, "id")!, $"variant id '{id}' is used twice in this family");
            }
            else
            {
                sets.Add(new VariantParameters(id, values, (int)set.Start.Line));
            }
        }

        return sets;
    }

    private Dictionary<string, string>? ReadParams(YamlMappingNode set)
    {
        var node = Child(set, "params");
        if (node is not YamlMappingNode map)
        {
            Error(node ?? set, "a variant set needs 'params': a mapping from parameter name to value");
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (value is not YamlScalarNode { Value: { } text } || text.Contains('\n', StringComparison.Ordinal))
            {
                // One line only: then a generated file's line N is its template's line N, so errors map back.
                Error(value, $"parameter '{name}' must be a single-line value");
                continue;
            }

            values[name] = text;
        }

        return values;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private string? RequiredString(YamlMappingNode map, string key)
    {
        if (Child(map, key) is null)
        {
            Error(map, $"missing '{key}'");
            return null;
        }

        return OptionalString(map, key);
    }

    private string? OptionalString(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"'{key}' must be a non-empty text");
            return null;
        }

        return text.Trim();
    }

    private List<string>? OptionalList(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            Error(node, $"'{key}' must be a list of names, e.g. [a, b]");
            return null;
        }

        return [.. seq.Children.Cast<YamlScalarNode>().Select(s => s.Value!.Trim())];
    }

    private void RejectUnknownKeys(YamlMappingNode map, IReadOnlyList<string> allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
            {
                Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    private void Error(YamlNode node, string message) =>
        errors.Add(new ProblemError(file, message, (int)node.Start.Line, (int)node.Start.Column));
}
