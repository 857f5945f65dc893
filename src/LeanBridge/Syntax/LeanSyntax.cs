using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Tree;
using ProofCheck.LeanBridge.Syntax.Generated;

namespace ProofCheck.LeanBridge.Syntax;

/// <summary>Lexes and parses Lean 4 source with the grammar in grammars/Lean4.g4.</summary>
public static class LeanSyntax
{
    /// <summary>Every token of <paramref name="source"/>, trivia included, with code-point columns.</summary>
    public static IReadOnlyList<LeanToken> Lex(string source)
    {
        var lexer = NewLexer(source);
        var tokens = new List<LeanToken>();
        for (var t = lexer.NextToken(); t.Type != TokenConstants.EOF; t = lexer.NextToken())
        {
            tokens.Add(Convert(t, tokens.Count));
        }

        return tokens;
    }

    /// <summary>Parses the file into its header and commands. Never fails: what it cannot place becomes a stray command.</summary>
    public static LeanFile Parse(string source)
    {
        var lexer = NewLexer(source);
        var stream = new CommonTokenStream(lexer);
        stream.Fill();
        var all = stream.GetTokens().Where(t => t.Type != TokenConstants.EOF).Select((t, i) => Convert(t, i)).ToList();
        // SLL prediction first (cheaper: no full-context retry); only text it cannot parse is parsed again with full LL.
        var (tree, unplaced) = ParseTree(stream, PredictionMode.SLL);
        if (unplaced.Lines.Count > 0)
        {
            stream.Seek(0);
            (tree, unplaced) = ParseTree(stream, PredictionMode.LL);
        }

        return new CommandCollector(all).Collect(tree) with { UnplacedLines = unplaced.Lines };
    }

    private static (Lean4Parser.FileContext Tree, UnplacedTokens Unplaced) ParseTree(CommonTokenStream stream, PredictionMode mode)
    {
        var parser = new Lean4Parser(stream) { BuildParseTree = true };
        parser.Interpreter.PredictionMode = mode;
        parser.RemoveErrorListeners();
        var unplaced = new UnplacedTokens();
        parser.AddErrorListener(unplaced);
        return (parser.file(), unplaced);
    }

    /// <summary>
    /// The main theorem of a statement file: its last theorem. Throws <see cref="FormatException"/> when the file has
    /// none or holds text the grammar cannot place.
    /// </summary>
    public static string MainTheoremName(string statement)
    {
        var file = Parse(statement);
        if (file.Commands.FirstOrDefault(c => c.IsStray) is { } stray)
        {
            throw new FormatException($"line {stray.Line}: the Lean grammar cannot place '{Shorten(stray)}' in any command");
        }

        if (file.UnplacedLines.Count > 0)
        {
            throw new FormatException($"line {file.UnplacedLines[0]}: the Lean grammar cannot place this text in any command");
        }

        return file.LastTheorem?.FullName ?? throw new FormatException("the Lean grammar found no theorem in the statement");
    }

    /// <summary>The exact source from <paramref name="first"/> to <paramref name="last"/>, comments and spacing included.</summary>
    public static string Source(LeanFile file, LeanToken first, LeanToken last) =>
        string.Concat(file.AllTokens.Skip(first.Index).Take(last.Index - first.Index + 1).Select(t => t.Text));

    internal static string Text(IEnumerable<LeanToken> tokens) => string.Join(' ', tokens.Select(t => t.Text));

    private static string Shorten(LeanCommand c)
    {
        var text = Text(c.Tokens.Take(8));
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    private static Lean4Lexer NewLexer(string source)
    {
        // Lean turns CRLF into LF before it parses; columns then count code points (the stream is code-point based).
        var lexer = new Lean4Lexer(CharStreams.fromString(WithoutLoneSurrogates(source.Replace("\r\n", "\n", StringComparison.Ordinal))));
        lexer.RemoveErrorListeners();
        return lexer;
    }

    private static LeanToken Convert(IToken t, int index)
    {
        var text = t.Text ?? string.Empty;
        var (endLine, endColumn) = (t.Line, t.Column + 1);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                endLine++;
                endColumn = 1;
            }
            else
            {
                endColumn++;
            }
        }

        return new LeanToken(t.Type, text, t.Line, t.Column + 1, endLine, endColumn) { Index = index };
    }

    /// <summary>
    /// A half of a surrogate pair on its own (possible in a decoded JSON answer) makes the code-point stream throw;
    /// it becomes U+FFFD, as rune enumeration counts it, so columns stay right and the audit sees a strange character.
    /// </summary>
    private static string WithoutLoneSurrogates(string source)
    {
        if (!source.Any(char.IsSurrogate))
        {
            return source;
        }

        var chars = source.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>Lines of tokens the parser had to skip (a header it could not read), so no text goes unnoticed.</summary>
    private sealed class UnplacedTokens : BaseErrorListener
    {
        public List<int> Lines { get; } = [];

        public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            Lines.Add(line);
    }

    /// <summary>Turns the parse tree into <see cref="LeanCommand"/>s, tracking namespace/section/end.</summary>
    private sealed class CommandCollector(IReadOnlyList<LeanToken> all)
    {
        // One entry per name component: `namespace A.B` opens A and A.B, and `end B` closes only the second.
        private readonly Stack<(string Name, bool IsNamespace)> scopes = new();

        public LeanFile Collect(Lean4Parser.FileContext tree)
        {
            var imports = tree.header().importLine()
                .Select(i => new LeanImport(LeanNames.Unescape(i.IDENT().GetText()), i.Start.Line))
                .ToList();
            var commands = tree.command().Select(Command).ToList();
            if (tree.strayTokens() is { } chatter)
            {
                commands.Insert(0, new LeanCommand("stray", Tokens(chatter)) { IsStray = true });
            }

            var bodyStart = commands.Count > 0 ? commands[0].Line : imports.Count > 0 ? imports[^1].Line + 1 : 1;
            return new LeanFile(imports, commands, all) { BodyStartLine = bodyStart };
        }

        private string CurrentNamespace => string.Join('.', scopes.Reverse().Where(s => s.IsNamespace).Select(s => s.Name));

        private LeanCommand Command(Lean4Parser.CommandContext context) => context switch
        {
            Lean4Parser.DeclarationCommandContext d => Declaration(d.declModifiers(), d.declaration()),
            Lean4Parser.OtherCommandContext o => Other(o.declModifiers(), o.scopedCommand()),
            _ => new LeanCommand("stray", Tokens(context)) { IsStray = true },
        };

        private LeanCommand Declaration(Lean4Parser.DeclModifiersContext mods, Lean4Parser.DeclarationContext decl)
        {
            var kind = string.Join(' ', decl.declKind().children.Select(c => c.GetText()));
            var id = decl.declId();
            var name = id?.IDENT()?.GetText();
            var binders = decl.binder().Select(b => Tokens(b)).ToList();
            var type = decl.typeSpec() is { } ts ? Tokens(ts).Skip(1).ToList() : [];
            var headerStart = id?.IDENT()?.Symbol.TokenIndex ?? (decl.binder().Length > 0 ? decl.binder(0).Start.TokenIndex : decl.typeSpec()?.Start.TokenIndex ?? -1);
            var headerStop = decl.typeSpec()?.Stop?.TokenIndex ?? (decl.binder().Length > 0 ? decl.binder()[^1].Stop.TokenIndex : id?.Stop?.TokenIndex ?? -1);
            var header = headerStart >= 0 && headerStop >= headerStart ? Range(headerStart, headerStop) : [];
            var body = decl.declBody() is { } b ? Tokens(b) : [];
            if (PatternStart(type) is var cut and >= 0)
            {
                // `theorem t : ∀ n, P n` followed by `| 0 => …` alternatives: those are the proof, not the type.
                body = [.. type.Skip(cut), .. body];
                header = [.. header.TakeWhile(t => t.Index < type[cut].Index)];
                type = [.. type.Take(cut)];
            }

            return new LeanCommand(kind, Tokens(mods).Concat(Tokens(decl)).ToList())
            {
                IsDeclaration = true,
                Modifiers = mods.modifier().Select(m => m.GetText()).ToList(),
                AttributeTokens = mods.attributes().SelectMany(Tokens).ToList(),
                Name = name is null ? null : LeanNames.Unescape(name),
                FullName = name is null ? null : LeanNames.Qualify(CurrentNamespace, name),
                Namespace = CurrentNamespace,
                Binders = binders,
                Type = type,
                Header = header,
                Body = body,
            };
        }

        /// <summary>
        /// The first top-level `|` that begins a line and is a match alternative (`| 0 => …`: a `=>` follows before
        /// any other `|`), or -1. A statement re-wrapped so that a line starts with an absolute value (`|a - c| ≤ …`)
        /// stays whole.
        /// </summary>
        private static int PatternStart(List<LeanToken> type)
        {
            var depth = 0;
            for (var i = 0; i < type.Count; i++)
            {
                var t = type[i];
                if (t.Type is Lean4Lexer.LPAREN or Lean4Lexer.LBRACE or Lean4Lexer.LBRACKET or Lean4Lexer.STRICT_OPEN)
                {
                    depth++;
                }
                else if (t.Type is Lean4Lexer.RPAREN or Lean4Lexer.RBRACE or Lean4Lexer.RBRACKET or Lean4Lexer.STRICT_CLOSE)
                {
                    depth--;
                }
                else if (t.Type == Lean4Lexer.BAR && depth == 0 && i > 0 && type[i - 1].EndLine < t.Line && IsAlternative(type, i))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsAlternative(List<LeanToken> type, int bar)
        {
            for (var j = bar + 1; j < type.Count; j++)
            {
                if (type[j].Text == "=>")
                {
                    return true;
                }

                if (type[j].Type == Lean4Lexer.BAR)
                {
                    return false;
                }
            }

            return false;
        }

        private LeanCommand Other(Lean4Parser.DeclModifiersContext mods, Lean4Parser.ScopedCommandContext command)
        {
            var keyword = command.commandKeyword()?.GetText() ?? (command.DERIVING_INSTANCE() is not null ? "deriving" : "attribute");
            var args = command.bodyToken().Select(b => b.Start).ToList();
            var firstArg = args.Count > 0 && args[0].Type == Lean4Lexer.IDENT ? LeanNames.Unescape(args[0].Text) : null;
            var ns = CurrentNamespace;
            switch (keyword)
            {
                case "namespace" when firstArg is not null:
                    foreach (var part in LeanNames.Components(firstArg))
                    {
                        scopes.Push((part, true));
                    }

                    break;
                case "section":
                    foreach (var part in firstArg is null ? [string.Empty] : LeanNames.Components(firstArg))
                    {
                        scopes.Push((part, false));
                    }

                    break;
                case "end":
                    // `end A.B` closes as many scopes as the name has components; a bare `end` closes one.
                    for (var n = firstArg is null ? 1 : LeanNames.Components(firstArg).Count; n > 0 && scopes.Count > 0; n--)
                    {
                        scopes.Pop();
                    }

                    break;
            }

            return new LeanCommand(keyword, Tokens(mods).Concat(Tokens(command)).ToList())
            {
                Modifiers = mods.modifier().Select(m => m.GetText()).ToList(),
                AttributeTokens = mods.attributes().SelectMany(Tokens).ToList(),
                Namespace = ns,
                Name = firstArg,
                Body = command.bodyToken().SelectMany(Tokens).ToList(),
            };
        }

        private List<LeanToken> Tokens(ParserRuleContext? context) =>
            context?.Start is null || context.Stop is null || context.Stop.TokenIndex < context.Start.TokenIndex
                ? []
                : Range(context.Start.TokenIndex, context.Stop.TokenIndex);

        private List<LeanToken> Range(int start, int stop) =>
            all.Skip(start).Take(stop - start + 1).Where(t => !t.IsTrivia).ToList();
    }
}
