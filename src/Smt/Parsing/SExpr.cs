using System.Text;
using ProofCheck.Core;

namespace ProofCheck.Smt.Parsing;

/// <summary>The lexical class of an atom, as SMT-LIB 2.6 defines them.</summary>
internal enum AtomKind
{
    Numeral,
    Decimal,
    Hexadecimal,
    Binary,
    String,
    Symbol,
    QuotedSymbol,
    Keyword,
}

/// <summary>
/// One S-expression of an obligation file as the audit read it. The solver receives <see cref="Canonical"/>,
/// the printing of this tree, never the user's bytes: whatever comments, line endings or spacing the file uses,
/// the solver and the audit see the same commands.
/// </summary>
internal abstract record SExpr(SourceSpan Span)
{
    /// <summary>One command per line, single spaces, no comments; atoms exactly as written.</summary>
    public string Canonical => Print().Text;

    /// <summary>The canonical text, and for each atom where it starts in that text and where it was in the file.</summary>
    public (string Text, IReadOnlyList<(int Offset, SourceSpan Span)> Atoms) Print()
    {
        var text = new StringBuilder();
        var atoms = new List<(int, SourceSpan)>();
        // An explicit stack: trees are depth-limited when read, but printing should not depend on that.
        var stack = new Stack<(SExpr Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (node is Atom atom)
            {
                atoms.Add((text.Length, atom.Span));
                text.Append(atom.Text);
                continue;
            }

            var list = (SList)node;
            if (next == 0)
            {
                atoms.Add((text.Length, list.Span));
                text.Append('(');
            }

            if (next == list.Items.Count)
            {
                text.Append(')');
                continue;
            }

            if (next > 0)
            {
                text.Append(' ');
            }

            stack.Push((list, next + 1));
            stack.Push((list.Items[next], 0));
        }

        return (text.ToString(), atoms);
    }
}

/// <summary>A numeral, string, symbol, keyword… with its text exactly as written.</summary>
internal sealed record Atom(AtomKind Kind, string Text, SourceSpan Span) : SExpr(Span)
{
    /// <summary>The symbol a name denotes: <c>|x|</c> and <c>x</c> are the same symbol in SMT-LIB.</summary>
    public string Name => Kind == AtomKind.QuotedSymbol ? Text[1..^1] : Text;

    public bool IsSymbol => Kind is AtomKind.Symbol or AtomKind.QuotedSymbol;

    public override string ToString() => Text;
}

/// <summary>A parenthesized list.</summary>
internal sealed record SList(IReadOnlyList<SExpr> Items, SourceSpan Span) : SExpr(Span)
{
    /// <summary>The name of the head symbol, or null when the list is empty or starts with something else.</summary>
    public string? Head => Items.Count > 0 && Items[0] is Atom { IsSymbol: true } a ? a.Name : null;

    public override string ToString() => Canonical;
}
