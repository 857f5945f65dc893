using ProofCheck.Coq.Syntax.Generated;

namespace ProofCheck.Coq.Syntax;

/// <summary>
/// One token of Coq source. <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets into the source
/// (end exclusive); <see cref="Line"/> is 1-based and <see cref="Column"/> 0-based, both in UTF-16 units.
/// </summary>
internal sealed record CoqToken(int Type, string Text, int Start, int End, int Line, int Column)
{
    public bool IsIdentifier => Type == CoqLexer.IDENT;

    /// <summary>The parts of a qualified identifier (<c>Nat.add_comm</c> gives <c>Nat</c>, <c>add_comm</c>).</summary>
    public IEnumerable<string> NameParts => IsIdentifier ? Text.Split('.') : [];

    public bool Is(string identifier) => IsIdentifier && Text == identifier;
}
