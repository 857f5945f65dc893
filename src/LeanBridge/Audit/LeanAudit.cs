using System.Globalization;
using System.Text;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Syntax;
using ProofCheck.LeanBridge.Syntax.Generated;
using static ProofCheck.LeanBridge.Audit.LeanAuditRules;

namespace ProofCheck.LeanBridge.Audit;

/// <summary>
/// The static audit of a Lean submission, run before anything executes. It works on the grammar's tokens, so text
/// in comments and strings never triggers a rule, and code is never hidden from it (the holes of interpolated strings
/// are lexed and scanned too).
/// </summary>
public static class LeanAudit
{
    /// <summary>What the audit report lists as checked.</summary>
    public static IReadOnlyList<string> CheckedRules { get; } = [.. Reasons.Keys];

    /// <summary>Imports a submission may use when the problem names none: Mathlib and Lean's own library.</summary>
    public static IReadOnlyList<string> DefaultAllowedImports { get; } = ["Mathlib", "Init", "Std", "Batteries", "Aesop"];

    /// <summary>
    /// Lean libraries Mathlib itself imports: importing one of them next to Mathlib adds nothing to the environment,
    /// and published prover output routinely has <c>import Aesop</c> after <c>import Mathlib</c>.
    /// </summary>
    public static IReadOnlyList<string> MathlibDependencies { get; } = ["Init", "Std", "Batteries", "Aesop", "Qq", "Plausible", "ProofWidgets", "LeanSearchClient", "ImportGraph"];

    /// <summary>The imports a submission may use for a canonical statement with <paramref name="canonicalImports"/>.</summary>
    public static IReadOnlyList<string> ImportsAllowedBy(IReadOnlyList<string> canonicalImports) =>
        canonicalImports.Count == 0 ? DefaultAllowedImports
        : canonicalImports.Any(i => i == "Mathlib" || i.StartsWith("Mathlib.", StringComparison.Ordinal)) ? [.. canonicalImports.Union(MathlibDependencies)]
        : [.. canonicalImports.Append("Init")];

    /// <summary>
    /// Audits <paramref name="file"/>; <paramref name="allowedImports"/> entries allow a module and its submodules.
    /// Native evaluation (native_decide …) is allowed only when <paramref name="allowedAxioms"/> holds
    /// <see cref="LeanAuditRules.NativeAxiom"/>: the axiom report then records it.
    /// </summary>
    public static AuditReport Run(LeanFile file, IReadOnlyList<string>? allowedImports = null, IReadOnlyList<string>? allowedAxioms = null)
    {
        var allowed = allowedImports ?? DefaultAllowedImports;
        var native = allowedAxioms?.Contains(NativeAxiom) == true;
        var findings = new List<AuditFinding>();
        foreach (var import in file.Imports)
        {
            if (!allowed.Any(a => import.Module == a || import.Module.StartsWith(a + ".", StringComparison.Ordinal)))
            {
                findings.Add(new AuditFinding(Import, "import " + import.Module, new SourceSpan(import.Line, 1),
                    $"{Reasons[Import]} Allowed here: {string.Join(", ", allowed)}."));
            }
        }

        var headerEnd = file.Commands.Count > 0 && file.Commands[0].Tokens.Count > 0 ? file.Commands[0].Tokens[0].Index : int.MaxValue;
        var code = file.AllTokens.Where(t => !t.IsTrivia).ToList();
        new Scanner(findings, native).Scan(code, headerEnd, insideString: null);

        foreach (var command in file.Commands.Where(c => c.IsDeclaration && c.Modifiers.Contains("partial")))
        {
            if (command.IsTheorem || command.Keyword is "instance" or "example" || command.Type.Any(IsPropositional))
            {
                findings.Add(Finding(Partial, command.Tokens[0], "partial " + command.Keyword + " " + (command.Name ?? string.Empty)));
            }
        }

        return new AuditReport(CheckedRules, [.. findings.DistinctBy(f => (f.Rule, f.Span.Line, f.Span.Column, f.Construct)).OrderBy(f => f.Span.Line).ThenBy(f => f.Span.Column)]);
    }

    /// <summary>One pass over the code tokens; each token is looked at with at most its two neighbours (linear time).</summary>
    private sealed class Scanner(List<AuditFinding> findings, bool nativeAllowed)
    {
        public void Scan(List<LeanToken> code, int headerEnd, LeanToken? insideString)
        {
            for (var i = 0; i < code.Count; i++)
            {
                var t = code[i];
                var at = insideString ?? t;
                LeanToken? Next(int k = 1) => i + k < code.Count ? code[i + k] : null;
                var prev = i > 0 ? code[i - 1] : null;
                switch (t.Type)
                {
                    case Lean4Lexer.UNTERMINATED_COMMENT:
                        findings.Add(Finding(Unterminated, at, "/- without -/"));
                        break;
                    case Lean4Lexer.UNTERMINATED_STRING:
                    case Lean4Lexer.OTHER when t.Text is "\"":
                        findings.Add(Finding(Unterminated, at, "unterminated string"));
                        break;
                    case Lean4Lexer.OTHER when IsLookAlikeLetter(t.Text):
                        findings.Add(Finding(Homoglyph, at, $"'{t.Text}' (U+{char.ConvertToUtf32(t.Text, 0):X4}) next to '{Next()?.Text ?? prev?.Text}'"));
                        break;
                    case Lean4Lexer.AXIOM:
                        findings.Add(Finding(Axiom, at, "axiom " + (Next()?.Text ?? string.Empty)));
                        break;
                    case Lean4Lexer.HASH_COMMAND:
                        if (t.Text == "#exit")
                        {
                            findings.Add(Finding(Exit, at, t.Text));
                        }
                        else if (!HarmlessHashCommands.Contains(t.Text))
                        {
                            findings.Add(Finding(RunsCode, at, t.Text));
                        }

                        break;
                    case Lean4Lexer.RUN_CMD or Lean4Lexer.RUN_ELAB or Lean4Lexer.RUN_META or Lean4Lexer.INIT_QUOT:
                        findings.Add(Finding(RunsCode, at, t.Text));
                        break;
                    case Lean4Lexer.NOTATION or Lean4Lexer.INFIX or Lean4Lexer.INFIXL or Lean4Lexer.INFIXR or Lean4Lexer.PREFIX
                        or Lean4Lexer.POSTFIX when insideString is null && HasPlainSymbols(code, i, exported: prev?.Type != Lean4Lexer.LOCAL):
                        // `local notation "√" => Real.sqrt` ends with the file; an exported `notation … " ≃[" …` reaches
                        // the check module, where none of its symbols can start a token (HasPlainSymbols). Either way
                        // its symbols cannot hide code from this audit, its right-hand side is audited like any code,
                        // and gate (b) compares the elaborated statement, whatever notation spelled it.
                        break;
                    case Lean4Lexer.MACRO when insideString is null && HasPlainSymbols(code, i, exported: true) && IsQuotationMacro(code, i):
                        // `macro "◾" : tactic => `(tactic| aesop)`: a term or tactic abbreviation whose expansion is the
                        // quotation written here (audited as code); no `$(…)` code runs while it expands.
                        break;
                    case Lean4Lexer.ELAB or Lean4Lexer.ELAB_RULES or Lean4Lexer.MACRO or Lean4Lexer.MACRO_RULES or Lean4Lexer.SYNTAX
                        or Lean4Lexer.DECLARE_SYNTAX_CAT or Lean4Lexer.NOTATION or Lean4Lexer.INFIX or Lean4Lexer.INFIXL
                        or Lean4Lexer.INFIXR or Lean4Lexer.PREFIX or Lean4Lexer.POSTFIX:
                        findings.Add(Finding(ExtendsSyntax, at, (prev?.Type is Lean4Lexer.LOCAL or Lean4Lexer.SCOPED ? prev.Text + " " : string.Empty) + t.Text));
                        break;
                    case Lean4Lexer.INITIALIZE or Lean4Lexer.REGISTER_OPTION:
                        findings.Add(Finding(Initialize, at, t.Text));
                        break;
                    case Lean4Lexer.UNSAFE:
                        findings.Add(Finding(Unsafe, at, t.Text));
                        break;
                    case Lean4Lexer.MODULE when i > 0 || insideString is not null:
                        // The module system's `module` keyword is allowed as the file's first token only.
                        findings.Add(Finding(ModuleHeader, at, t.Text));
                        break;
                    case Lean4Lexer.IMPORT when t.Index >= headerEnd:
                        findings.Add(Finding(Import, at, "import after the header"));
                        break;
                    case Lean4Lexer.OPEN when Next()?.Type == Lean4Lexer.PRIVATE:
                        findings.Add(Finding(PrivateAccess, at, "open private"));
                        break;
                    case Lean4Lexer.SET_OPTION:
                        CheckOption(Next(), Next(2), at);
                        break;
                    case Lean4Lexer.ATTR_OPEN:
                        CheckAttributes(code, i + 1, at, insideString);
                        break;
                    case Lean4Lexer.ATTRIBUTE when Next()?.Type == Lean4Lexer.LBRACKET:
                        CheckAttributes(code, i + 2, at, insideString);
                        break;
                    case Lean4Lexer.INTERPOLATED_STRING:
                        foreach (var hole in Holes(t.Text))
                        {
                            Scan([.. LeanSyntax.Lex(hole).Where(h => !h.IsTrivia)], int.MaxValue, at);
                        }

                        break;
                    case Lean4Lexer.IDENT:
                        CheckIdentifier(code, i, at);
                        break;
                }
            }
        }

        private void CheckIdentifier(List<LeanToken> code, int i, LeanToken at)
        {
            var t = code[i];
            var prev = i > 0 ? code[i - 1] : null;
            var next = i + 1 < code.Count ? code[i + 1] : null;
            var parts = LeanNames.Components(t.Text);
            var last = parts[^1];
            if (parts.Any(SorryNames.Contains) || (t.Text == "stop" && IsStopTactic(prev, t, next)))
            {
                findings.Add(Finding(Sorry, at, t.Text));
            }
            else if (parts.Any(NativeNames.Contains) || (last == "native" && (prev?.Text == "+" || next?.Type == Lean4Lexer.ASSIGN)))
            {
                if (!nativeAllowed)
                {
                    findings.Add(Finding(NativeCode, at, prev?.Text == "+" ? "+native" : t.Text));
                }
            }
            else if (last is "implemented_by" or "extern" or "csimp")
            {
                findings.Add(Finding(Implementation, at, t.Text));
            }
            else if (t.Text is "run_tac" or "by_elab" || (t.Text == "eval" && next?.Text == "%"))
            {
                // Mathlib's run_tac / by_elab / eval% run tactic, elaborator or compiled code inside a proof.
                findings.Add(Finding(RunsCode, at, next?.Text == "%" ? "eval%" : t.Text));
            }
            else if (t.Text == "config" && next?.Type == Lean4Lexer.ASSIGN && i + 2 < code.Count && code[i + 2].Text is "⟨" or "(")
            {
                // A configuration is elaborated and evaluated; given positionally (⟨…⟩, or computed) it can switch on
                // options such as native evaluation without naming them. `{ field := … }` names every field.
                findings.Add(Finding(RunsCode, at, "config := " + code[i + 2].Text + "…"));
            }
            else if (t.Text is "aesop" or "aesop?" && next?.Type == Lean4Lexer.LPAREN && AddsTacticRule(code, i + 1))
            {
                findings.Add(Finding(RunsCode, at, t.Text + " (add … tactic …)"));
            }
            else if (last == "include_str")
            {
                findings.Add(Finding(ReadsFiles, at, t.Text));
            }
            else if (SyntaxIdentifiers.Contains(t.Text))
            {
                findings.Add(Finding(ExtendsSyntax, at, t.Text));
            }
            else if (i == 0 && t.Text == "prelude")
            {
                findings.Add(Finding(ModuleHeader, at, t.Text));
            }
        }

        /// <summary>
        /// `stop` as a tactic begins a tactic (first on its line, or after `by`, `;`, `·`, `<;>`, `=>`) and is not
        /// used as a term or binder (followed by `:`, `,`, `)`, `=>`, an operator …): `(start stop : ℕ)` is a binder.
        /// </summary>
        private static bool IsStopTactic(LeanToken? prev, LeanToken stop, LeanToken? next)
        {
            var starts = prev is null || prev.EndLine < stop.Line || prev.Text is "by" or ";" or "·" or "<;>" or "=>" or ".";
            var asTerm = next is not null && next.Line == stop.Line
                && (next.Type is Lean4Lexer.COLON or Lean4Lexer.ASSIGN or Lean4Lexer.RPAREN or Lean4Lexer.RBRACE or Lean4Lexer.RBRACKET
                    || next.Text is "," or "=>" or "↦" or "=" or "≠" or "<" or "≤" or ">" or "≥" or "+" or "-" or "*" or "/" or "^" or "%" or "∣" or "⟩" or "|" or "∈" or "∉");
            return starts && !asTerm;
        }

        /// <summary>
        /// Whether every symbol a notation declares (its string literals up to `=>`) is plain: one or more characters,
        /// none of them a quote, a backquote, «, », # or whitespace inside, and no comment opener or closer. Lean
        /// reads a declared symbol as one token before it looks for strings or comments, so a symbol such as
        /// <c>x"</c> or <c>a--</c> would make Lean read code where this audit sees a string or a comment.
        /// An <paramref name="exported"/> notation (not `local`) is imported by the check module, whose tokens all
        /// start with a letter, `«`, `:`, `@` or `#` (`theorem Candidate.main : Canonical.canonicalStatement := @x`,
        /// `#print axioms`); a symbol that starts with none of these is never read there, so the notation cannot
        /// change how that module parses.
        /// </summary>
        private static bool HasPlainSymbols(List<LeanToken> code, int keyword, bool exported)
        {
            var symbols = 0;
            for (var k = keyword + 1; k < code.Count && k < keyword + 64; k++)
            {
                var c = code[k];
                if (c.Text == "=>")
                {
                    return symbols > 0;
                }

                if (c.Type != Lean4Lexer.STRING)
                {
                    continue;
                }

                var symbol = c.Text[1..^1].Trim();
                if (symbol.Length == 0 || symbol.Any(ch => ch is '"' or '\'' or '`' or '«' or '»' or '#' || char.IsWhiteSpace(ch))
                    || symbol.Contains("--", StringComparison.Ordinal) || symbol.Contains("/-", StringComparison.Ordinal) || symbol.Contains("-/", StringComparison.Ordinal))
                {
                    return false;
                }

                if (exported && (char.IsLetterOrDigit(symbol[0]) || char.IsSurrogate(symbol[0]) || symbol[0] is '_' or ':' or '@' or '#' or '«' or '.'
                    || symbol[0] is >= '\u2100' and <= '\u214F'))
                {
                    return false;
                }

                symbols++;
            }

            return false;
        }

        /// <summary>
        /// A macro of category `term` or `tactic` whose right-hand side is one syntax quotation without `$(…)` (code
        /// spliced in) and nothing after it: `macro "◾" : tactic => `(tactic| aesop)`.
        /// </summary>
        private static bool IsQuotationMacro(List<LeanToken> code, int keyword)
        {
            var arrow = code.FindIndex(keyword, Math.Min(64, code.Count - keyword), c => c.Text == "=>");
            if (arrow < 2 || code[arrow - 2].Type != Lean4Lexer.COLON || code[arrow - 1].Text is not ("term" or "tactic")
                || arrow + 1 >= code.Count || code[arrow + 1].Text != "`(")
            {
                return false;
            }

            var depth = 0;
            for (var k = arrow + 1; k < code.Count; k++)
            {
                var c = code[k];
                if (c.Text == "$(")
                {
                    return false;
                }

                if (c.Text == "`(" || c.Type == Lean4Lexer.LPAREN)
                {
                    depth++;
                }
                else if (c.Type == Lean4Lexer.RPAREN && --depth == 0)
                {
                    return k + 1 == code.Count || code[k + 1].Line > c.EndLine;
                }
            }

            return false;
        }

        /// <summary>Aesop's `(add … tactic …)` clause registers a user tactic that aesop then runs.</summary>
        private static bool AddsTacticRule(List<LeanToken> code, int open)
        {
            var depth = 0;
            var inAdd = false;
            for (var k = open; k < code.Count; k++)
            {
                var c = code[k];
                if (c.Type == Lean4Lexer.LPAREN)
                {
                    depth++;
                }
                else if (c.Type == Lean4Lexer.RPAREN && --depth == 0)
                {
                    if (k + 1 >= code.Count || code[k + 1].Type != Lean4Lexer.LPAREN)
                    {
                        return false;
                    }
                }
                else if (depth == 1 && c.Text == "add")
                {
                    inAdd = true;
                }
                else if (inAdd && c.Text == "tactic")
                {
                    return true;
                }
                else if (c.Line > code[open].Line + 20)
                {
                    return false;
                }
            }

            return false;
        }

        private void CheckOption(LeanToken? name, LeanToken? value, LeanToken at)
        {
            var option = name?.Name ?? string.Empty;
            bool Matches(string a) => a.EndsWith('.') ? option.StartsWith(a, StringComparison.Ordinal) : option == a;
            if (AllowedOptions.Any(Matches))
            {
                return;
            }

            var refused = RefusedOptionReasons.FirstOrDefault(r => Matches(r.Key)).Value;
            findings.Add(new AuditFinding(Option, $"set_option {option} {value?.Text}".TrimEnd(), at.Span,
                refused ?? $"{Reasons[Option]} Allowed: {string.Join(", ", AllowedOptions.Select(a => a.EndsWith('.') ? a + "*" : a))}."));
        }

        /// <summary>
        /// Checks each comma-separated attribute from <paramref name="start"/> to the closing bracket. Inside an
        /// interpolated string's hole the tokens' places are the hole's own, not the file's, so a finding there is
        /// placed at the string.
        /// </summary>
        private void CheckAttributes(List<LeanToken> code, int start, LeanToken at, LeanToken? insideString)
        {
            var depth = 0;
            var expectName = true;
            for (var i = start; i < code.Count; i++)
            {
                var t = code[i];
                if (t.Type is Lean4Lexer.LBRACKET or Lean4Lexer.LPAREN or Lean4Lexer.LBRACE)
                {
                    depth++;
                }
                else if (t.Type is Lean4Lexer.RPAREN or Lean4Lexer.RBRACE)
                {
                    depth--;
                }
                else if (t.Type == Lean4Lexer.RBRACKET)
                {
                    if (depth-- == 0)
                    {
                        return;
                    }
                }
                else if (depth == 0 && t.Text == ",")
                {
                    expectName = true;
                }
                else if (depth == 0 && expectName && t.Text is not ("-" or "local" or "scoped"))
                {
                    expectName = false;
                    if (!AllowedAttributes.Contains(t.Name))
                    {
                        findings.Add(new AuditFinding(AttributeRule, $"@[{t.Text}]", (insideString ?? (t.Line > 0 ? t : at)).Span,
                            t.Name == "aesop"
                                ? "@[aesop] registers a rule that aesop runs later, and a rule can be a user tactic (code). " + Reasons[AttributeRule]
                                : $"{Reasons[AttributeRule]} Allowed: {string.Join(", ", AllowedAttributes.Order(StringComparer.Ordinal))}."));
                    }
                }
            }
        }
    }

    /// <summary>Letters from scripts whose letters look like Latin ones and which Lean never accepts in identifiers.</summary>
    private static bool IsLookAlikeLetter(string text)
    {
        if (text.Length == 0 || !System.Text.Rune.TryGetRuneAt(text, 0, out var rune) || !System.Text.Rune.IsLetter(rune))
        {
            return false;
        }

        var v = rune.Value;
        return v is >= 0x0400 and <= 0x052F // Cyrillic and its supplement
            or >= 0x0530 and <= 0x058F        // Armenian
            or >= 0x13A0 and <= 0x13FF        // Cherokee
            or >= 0xFF21 and <= 0xFF5A        // full-width Latin
            or >= 0x0250 and <= 0x02AF;       // IPA extensions (ɑ, ɡ …)
    }

    private static bool IsPropositional(LeanToken t) =>
        t.Text is "Prop" or "=" or "≠" or "≤" or "<" or "≥" or ">" or "∣" or "∀" or "∃" or "↔" or "¬" or "False" or "True" or "∧" or "∨";

    /// <summary>The code inside the {…} holes of an interpolated string literal's text.</summary>
    internal static IEnumerable<string> Holes(string literal)
    {
        var start = literal.IndexOf('"', StringComparison.Ordinal) + 1;
        var hole = new StringBuilder();
        var depth = 0;
        var inString = false;
        for (var i = start; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (depth == 0)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '{')
                {
                    depth = 1;
                    hole.Clear();
                }

                continue;
            }

            if (inString)
            {
                if (c == '\\' && i + 1 < literal.Length)
                {
                    hole.Append(c).Append(literal[++i]);
                    continue;
                }

                inString = c != '"';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                yield return hole.ToString();
                continue;
            }

            hole.Append(c);
        }
    }

    private static AuditFinding Finding(string rule, LeanToken at, string construct) => new(rule, construct, at.Span, Reasons[rule]);
}
