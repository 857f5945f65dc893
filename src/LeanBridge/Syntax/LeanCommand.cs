namespace ProofCheck.LeanBridge.Syntax;

/// <summary>
/// One top-level command as the grammar sees it. For a declaration: its keyword, modifiers, attributes, name,
/// and the header (name, binders, type) separate from the body. Tokens exclude trivia (whitespace, comments).
/// </summary>
public sealed record LeanCommand(string Keyword, IReadOnlyList<LeanToken> Tokens)
{
    /// <summary>True for theorem, lemma, def, abbrev, instance, example, axiom, opaque, inductive, structure, class.</summary>
    public bool IsDeclaration { get; init; }

    /// <summary>Tokens the grammar could not place in any command (model chatter, a broken header).</summary>
    public bool IsStray { get; init; }

    /// <summary>private, protected, noncomputable, unsafe, partial, local, scoped…, in source order.</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>The tokens of every <c>@[…]</c> block before the command (brackets included).</summary>
    public IReadOnlyList<LeanToken> AttributeTokens { get; init; } = [];

    /// <summary>The declared name as written (null for <c>example</c> and anonymous instances).</summary>
    public string? Name { get; init; }

    /// <summary>The declared name resolved against the enclosing namespaces, escapes removed.</summary>
    public string? FullName { get; init; }

    /// <summary>The namespace the command stands in ("" at the root).</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>The binder groups, brackets included, in order.</summary>
    public IReadOnlyList<IReadOnlyList<LeanToken>> Binders { get; init; } = [];

    /// <summary>The tokens after the colon up to the body (without the colon).</summary>
    public IReadOnlyList<LeanToken> Type { get; init; } = [];

    /// <summary>Name, binders, colon and type: what "the statement" of a theorem is, token for token.</summary>
    public IReadOnlyList<LeanToken> Header { get; init; } = [];

    /// <summary>From <c>:=</c> / <c>where</c> / <c>|</c> to the end of the command.</summary>
    public IReadOnlyList<LeanToken> Body { get; init; } = [];

    public int Line => Tokens.Count > 0 ? Tokens[0].Line : 0;

    public bool IsTheorem => Keyword is "theorem" or "lemma";
}

/// <summary>A parsed Lean file: the imports of its header and its commands in order.</summary>
public sealed record LeanFile(IReadOnlyList<LeanImport> Imports, IReadOnlyList<LeanCommand> Commands, IReadOnlyList<LeanToken> AllTokens)
{
    public IEnumerable<LeanCommand> Declarations => Commands.Where(c => c.IsDeclaration);

    /// <summary>The last theorem or lemma of the file: in a statement file, the main theorem.</summary>
    public LeanCommand? LastTheorem => Commands.LastOrDefault(c => c.IsTheorem && c.Name is not null);

    /// <summary>Line (1-based) of the first command after the import header; 1 when there are no imports.</summary>
    public int BodyStartLine { get; init; } = 1;

    /// <summary>Lines where the parser met text it could not place in any command (Lean would reject it too).</summary>
    public IReadOnlyList<int> UnplacedLines { get; init; } = [];
}

public sealed record LeanImport(string Module, int Line);
