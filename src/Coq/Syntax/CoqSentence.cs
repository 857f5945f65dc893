using ProofCheck.Coq.Syntax.Generated;

namespace ProofCheck.Coq.Syntax;

/// <summary>
/// One unit coqc executes: a command or tactic ending in a sentence-ending dot, or a bullet or brace that
/// focuses goals. <see cref="Tokens"/> holds the code tokens only (comments are dropped); the terminating dot
/// is the last token of a complete sentence.
/// </summary>
internal sealed record CoqSentence(IReadOnlyList<CoqToken> Tokens, bool IsFocusMarker, bool IsComplete)
{
    public int Start => Tokens[0].Start;

    public int End => Tokens[^1].End;

    /// <summary>
    /// Where the sentence ends as coqc counts it: after its dot (or '...'), without the whitespace character that
    /// made the dot a terminator.
    /// </summary>
    public int EndOfCode => Tokens[^1].Type == CoqLexer.SENTENCE_END ? Tokens[^1].Start + Tokens[^1].Text.TrimEnd().Length : Tokens[^1].End;

    public int Line => Tokens[0].Line;

    public int Column => Tokens[0].Column;

    /// <summary>The tokens without the terminating dot.</summary>
    public IReadOnlyList<CoqToken> Body =>
        IsComplete && !IsFocusMarker && Tokens[^1].Type == CoqLexer.SENTENCE_END ? Tokens.Take(Tokens.Count - 1).ToList() : Tokens;

    public string TextIn(string source) => source[Start..End].TrimEnd();
}
