using ProofCheck.Core;
using ProofCheck.LeanBridge.Syntax.Generated;

namespace ProofCheck.LeanBridge.Syntax;

/// <summary>
/// One token of Lean source. <see cref="Line"/> is 1-based and <see cref="Column"/> is 1-based and counted in Unicode
/// code points, as Lean counts them (Lean itself reports 0-based columns; the message parser converts).
/// </summary>
public sealed record LeanToken(int Type, string Text, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The index of this token in the file's full token list (trivia included).</summary>
    public int Index { get; init; }

    public bool IsComment => Type is Lean4Lexer.LINE_COMMENT or Lean4Lexer.BLOCK_COMMENT or Lean4Lexer.MOD_DOC or Lean4Lexer.DOC_COMMENT;

    /// <summary>Whitespace and comments (doc comments included): never code, never compared.</summary>
    public bool IsTrivia => Type == Lean4Lexer.WS || IsComment;

    public bool IsIdentifier => Type == Lean4Lexer.IDENT;

    public bool IsStringLike => Type is Lean4Lexer.STRING or Lean4Lexer.RAW_STRING or Lean4Lexer.CHAR or Lean4Lexer.INTERPOLATED_STRING;

    public SourceSpan Span => new(Line, Column, EndLine, EndColumn);

    /// <summary>The name an identifier denotes: «» escapes removed, so <c>«foo»</c> and <c>foo</c> compare equal.</summary>
    public string Name => IsIdentifier ? LeanNames.Unescape(Text) : Text;

    public override string ToString() => $"{Line}:{Column} {Text}";
}
