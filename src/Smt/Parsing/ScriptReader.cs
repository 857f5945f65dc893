using System.Text;
using ProofCheck.Core;

namespace ProofCheck.Smt.Parsing;

/// <summary>One top-level command as read, with the comment lines directly above it (its label candidate).</summary>
internal sealed record ReadCommand(SList Tree, IReadOnlyList<string> CommentsAbove);

/// <summary>
/// Reads an SMT-LIB script into S-expression trees, by hand and without recursion, so that any input ends in
/// trees or in one positioned error: never a stack overflow (nesting is limited to <see cref="MaxDepth"/>), never a
/// loop. A <c>;</c> comment ends at a line feed or a carriage return; since the solver receives the canonical
/// printing of these trees, the solver's idea of where a comment ends no longer matters.
/// </summary>
internal static class ScriptReader
{
    /// <summary>Deeper nesting is refused: honest obligations nest a few dozen levels, and solvers recurse too.</summary>
    public const int MaxDepth = 1000;

    private const string SymbolPunctuation = "~!@$%^&*_+=<>.?/-";

    public static (IReadOnlyList<ReadCommand> Commands, SyntaxError? Error) Read(string text)
    {
        var reader = new Cursor(text);
        var commands = new List<ReadCommand>();
        var comments = new List<string>();
        var stack = new Stack<(List<SExpr> Items, SourceSpan Start)>();
        while (true)
        {
            var (blankLine, comment) = reader.SkipSpaceAndComments();
            if (stack.Count == 0)
            {
                if (blankLine)
                {
                    comments.Clear();
                }

                comments.AddRange(comment);
            }

            if (reader.AtEnd)
            {
                return stack.Count == 0
                    ? (commands, null)
                    : ([], reader.Error("unexpected end of input (is a parenthesis left open?)"));
            }

            var start = reader.Position;
            var c = reader.Peek;
            if (c == '(')
            {
                if (stack.Count >= MaxDepth)
                {
                    return ([], reader.Error($"nested more than {MaxDepth} levels deep; split the term with define-fun"));
                }

                reader.Advance();
                stack.Push(([], start));
                continue;
            }

            if (c == ')')
            {
                if (stack.Count == 0)
                {
                    return ([], reader.Error("unexpected ')' (one parenthesis too many?)"));
                }

                reader.Advance();
                var (items, listStart) = stack.Pop();
                var list = new SList(items, listStart);
                if (stack.Count > 0)
                {
                    stack.Peek().Items.Add(list);
                    continue;
                }

                if (list.Head is null)
                {
                    return ([], new SyntaxError(listStart.Line, listStart.Column, "a command starts with its name, as in (assert ...)"));
                }

                commands.Add(new ReadCommand(list, [.. comments]));
                comments.Clear();
                continue;
            }

            var (atom, error) = reader.ReadAtom();
            if (error is not null)
            {
                return ([], error);
            }

            if (stack.Count == 0)
            {
                return ([], new SyntaxError(start.Line, start.Column, $"{Shown(atom!.Text)} outside a command (commands are parenthesized)"));
            }

            stack.Peek().Items.Add(atom!);
        }
    }

    /// <summary>Input quoted in a message: short, and with no control character that could reach a terminal.</summary>
    private static string Shown(string text)
    {
        var clipped = text.Length > 40 ? text[..40] + "…" : text;
        return "'" + string.Concat(clipped.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'";
    }

    private static bool IsSymbolChar(char c) => char.IsAsciiLetterOrDigit(c) || SymbolPunctuation.Contains(c, StringComparison.Ordinal);

    /// <summary>Position-tracking reading of the text; a CR LF pair, a lone CR and a lone LF each end a line.</summary>
    private sealed class Cursor(string text)
    {
        private int _index;
        private int _line = 1;
        private int _column = 1;

        public bool AtEnd => _index >= text.Length;

        public char Peek => text[_index];

        public SourceSpan Position => new(_line, _column);

        public SyntaxError Error(string message) => new(_line, _column, message);

        public void Advance()
        {
            var c = text[_index++];
            if (c == '\n' || (c == '\r' && (_index >= text.Length || text[_index] != '\n')))
            {
                _line++;
                _column = 1;
            }
            else if (c != '\r')
            {
                _column++;
            }
        }

        /// <summary>Skips whitespace and comments; says whether a blank line was crossed and which comments were met.</summary>
        public (bool BlankLine, IReadOnlyList<string> Comments) SkipSpaceAndComments()
        {
            var blank = false;
            var comments = new List<string>();
            var breaksInRow = 0;
            while (!AtEnd)
            {
                var c = Peek;
                if (c == ';')
                {
                    var begin = _index;
                    while (!AtEnd && Peek is not ('\n' or '\r'))
                    {
                        Advance();
                    }

                    comments.Add(text[(begin + 1).._index].Trim());
                    breaksInRow = 0;
                    continue;
                }

                if (c is not (' ' or '\t' or '\n' or '\r' or '\f' or '\v'))
                {
                    break;
                }

                var line = _line;
                Advance();
                if (_line != line && ++breaksInRow >= 2)
                {
                    blank = true;
                    comments.Clear();
                }
            }

            return (blank, comments);
        }

        public (Atom? Atom, SyntaxError? Error) ReadAtom()
        {
            var start = Position;
            var begin = _index;
            var c = Peek;
            AtomKind kind;
            if (c == '"')
            {
                Advance();
                while (true)
                {
                    if (AtEnd)
                    {
                        return (null, new SyntaxError(start.Line, start.Column, "unterminated string literal (a string ends with \")"));
                    }

                    var d = Peek;
                    Advance();
                    if (d == '"')
                    {
                        if (!AtEnd && Peek == '"')
                        {
                            Advance();
                            continue;
                        }

                        break;
                    }
                }

                kind = AtomKind.String;
            }
            else if (c == '|')
            {
                Advance();
                while (true)
                {
                    if (AtEnd)
                    {
                        return (null, new SyntaxError(start.Line, start.Column, "unterminated quoted symbol (a |symbol| ends with |)"));
                    }

                    var d = Peek;
                    if (d == '\\')
                    {
                        return (null, Error("a quoted symbol may not contain '\\'"));
                    }

                    Advance();
                    if (d == '|')
                    {
                        break;
                    }
                }

                kind = AtomKind.QuotedSymbol;
            }
            else if (char.IsAsciiDigit(c))
            {
                kind = AtomKind.Numeral;
                SkipWhile(char.IsAsciiDigit);
                if (!AtEnd && Peek == '.')
                {
                    Advance();
                    if (AtEnd || !char.IsAsciiDigit(Peek))
                    {
                        return (null, Error("a decimal needs digits after the point"));
                    }

                    SkipWhile(char.IsAsciiDigit);
                    kind = AtomKind.Decimal;
                }
            }
            else if (c == '#')
            {
                Advance();
                var radix = AtEnd ? '\0' : Peek;
                Func<char, bool>? digit = radix switch
                {
                    'x' => char.IsAsciiHexDigit,
                    'b' => d => d is '0' or '1',
                    _ => null,
                };
                if (digit is null)
                {
                    return (null, new SyntaxError(start.Line, start.Column, "unexpected character '#' (write #x… or #b…)"));
                }

                Advance();
                if (AtEnd || !digit(Peek))
                {
                    return (null, Error("a #x or #b literal needs at least one digit"));
                }

                SkipWhile(digit);
                kind = radix == 'x' ? AtomKind.Hexadecimal : AtomKind.Binary;
            }
            else if (c == ':')
            {
                Advance();
                if (AtEnd || !IsSymbolChar(Peek))
                {
                    return (null, Error("a keyword is ':' followed by a name"));
                }

                SkipWhile(IsSymbolChar);
                kind = AtomKind.Keyword;
            }
            else if (IsSymbolChar(c))
            {
                SkipWhile(IsSymbolChar);
                kind = AtomKind.Symbol;
            }
            else
            {
                return (null, Error($"unexpected character {Describe(c)}"));
            }

            // Tokens must be separated: "1x" or "\"a\"b" would otherwise read as two atoms here and one elsewhere.
            if (!AtEnd && Peek is not (' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '(' or ')' or ';'))
            {
                return (null, Error($"unexpected character {Describe(Peek)} right after {Shown(text[begin.._index])} (separate tokens with a space)"));
            }

            return (new Atom(kind, text[begin.._index], start), null);
        }

        private void SkipWhile(Func<char, bool> predicate)
        {
            while (!AtEnd && predicate(Peek))
            {
                Advance();
            }
        }

        private static string Describe(char c) =>
            char.IsControl(c) || c > '\u007e' ? $"U+{(int)c:X4}" : $"'{c}'";
    }
}
