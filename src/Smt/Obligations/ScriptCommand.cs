using ProofCheck.Core;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// One top-level command of an obligation file: its tree as the audit read it, and <see cref="Text"/>, the
/// canonical printing of that tree, which is what the solver receives.
/// </summary>
internal sealed record ScriptCommand
{
    private readonly IReadOnlyList<(int Offset, SourceSpan Span)> _atoms;

    public ScriptCommand(SList tree)
    {
        Tree = tree;
        (Text, _atoms) = tree.Print();
        Name = tree.Head ?? string.Empty;
        Arguments = [.. tree.Items.Skip(1)];
    }

    public SList Tree { get; }

    public string Name { get; }

    /// <summary>The canonical text sent to the solver (one line unless a string literal spans lines).</summary>
    public string Text { get; }

    public IReadOnlyList<SExpr> Arguments { get; }

    /// <summary>Where the command starts in the file.</summary>
    public SourceSpan Span => Tree.Span;

    /// <summary>The position of the command name (what a finding points at).</summary>
    public SourceSpan NameSpan => Tree.Items[0].Span;

    /// <summary>True for a command of the shape <c>(assert (not X))</c>, the form an obligation must end with.</summary>
    public bool IsNegatedAssert => Name == "assert" && Arguments is [SList { Head: "not", Items.Count: 2 }];

    /// <summary>The asserted term of an <c>assert</c>.</summary>
    public SExpr? Asserted => Name == "assert" && Arguments.Count == 1 ? Arguments[0] : null;

    /// <summary>
    /// The place in the file of a position in <see cref="Text"/> (0-based line within the text, 1-based column),
    /// so a solver's error points at what the user wrote.
    /// </summary>
    public SourceSpan Locate(int lineInText, int column)
    {
        var offset = 0;
        for (var l = 0; l < lineInText; l++)
        {
            var next = Text.IndexOf('\n', offset);
            if (next < 0)
            {
                break;
            }

            offset = next + 1;
        }

        offset += Math.Max(0, column - 1);
        var best = Span;
        foreach (var (atomOffset, span) in _atoms)
        {
            if (atomOffset > offset)
            {
                break;
            }

            best = span;
        }

        return best;
    }
}
