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

    /// <summary>Audits <paramref name="file"/>; <paramref name="allowedImports"/> entries allow a module and its submodules.</summary>
    public static AuditReport Run(LeanFile file, IReadOnlyList<string>? allowedImports = null)
    {
        var allowed = allowedImports ?? DefaultAllowedImports;
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
        ScanTokens(code, headerEnd, findings, insideString: null);

        foreach (var command in file.Commands.Where(c => c.IsDeclaration && c.Modifiers.Contains("partial")))
        {
            if (command.IsTheorem || command.Keyword is "instance" or "example" || command.Type.Any(IsPropositional))
            {
                findings.Add(Finding(Partial, command.Tokens[0], "partial " + command.Keyword + " " + (command.Name ?? string.Empty)));
            }
        }

        return new AuditReport(CheckedRules, [.. findings.DistinctBy(f => (f.Rule, f.Span.Line, f.Span.Column, f.Construct)).OrderBy(f => f.Span.Line).ThenBy(f => f.Span.Column)]);
    }

    private static void ScanTokens(List<LeanToken> code, int headerEnd, List<AuditFinding> findings, LeanToken? insideString)
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
                case Lean4Lexer.OTHER when t.Text is "\"":
                    findings.Add(Finding(Unterminated, at, "unterminated string"));
                    break;
                case Lean4Lexer.AXIOM:
                    findings.Add(Finding(Axiom, at, "axiom " + (Next()?.Text ?? string.Empty)));
                    break;
                case Lean4Lexer.HASH_COMMAND:
                    if (t.Text == "#exit")
                    {
                        findings.Add(Finding(Exit, at, t.Text));
                    }
                    else if (t.Text is not ("#check" or "#check_failure"))
                    {
                        findings.Add(Finding(RunsCode, at, t.Text));
                    }

                    break;
                case Lean4Lexer.RUN_CMD or Lean4Lexer.RUN_ELAB or Lean4Lexer.RUN_META or Lean4Lexer.INIT_QUOT:
                    findings.Add(Finding(RunsCode, at, t.Text));
                    break;
                case Lean4Lexer.ELAB or Lean4Lexer.ELAB_RULES or Lean4Lexer.MACRO or Lean4Lexer.MACRO_RULES or Lean4Lexer.SYNTAX
                    or Lean4Lexer.DECLARE_SYNTAX_CAT or Lean4Lexer.NOTATION or Lean4Lexer.INFIX or Lean4Lexer.INFIXL
                    or Lean4Lexer.INFIXR or Lean4Lexer.PREFIX or Lean4Lexer.POSTFIX:
                    findings.Add(Finding(ExtendsSyntax, at, t.Text));
                    break;
                case Lean4Lexer.INITIALIZE or Lean4Lexer.REGISTER_OPTION:
                    findings.Add(Finding(Initialize, at, t.Text));
                    break;
                case Lean4Lexer.UNSAFE:
                    findings.Add(Finding(Unsafe, at, t.Text));
                    break;
                case Lean4Lexer.MODULE:
                    findings.Add(Finding(ModuleHeader, at, t.Text));
                    break;
                case Lean4Lexer.IMPORT when t.Index >= headerEnd:
                    findings.Add(Finding(Import, at, "import after the header"));
                    break;
                case Lean4Lexer.OPEN when Next()?.Type == Lean4Lexer.PRIVATE:
                    findings.Add(Finding(PrivateAccess, at, "open private"));
                    break;
                case Lean4Lexer.SET_OPTION:
                    CheckOption(Next(), Next(2), at, findings);
                    break;
                case Lean4Lexer.ATTR_OPEN:
                    CheckAttributes(code, i + 1, at, findings);
                    break;
                case Lean4Lexer.ATTRIBUTE when Next()?.Type == Lean4Lexer.LBRACKET:
                    CheckAttributes(code, i + 2, at, findings);
                    break;
                case Lean4Lexer.INTERPOLATED_STRING:
                    foreach (var hole in Holes(t.Text))
                    {
                        ScanTokens([.. LeanSyntax.Lex(hole).Where(h => !h.IsTrivia)], int.MaxValue, findings, at);
                    }

                    break;
                case Lean4Lexer.IDENT:
                    CheckIdentifier(t, prev, Next(), at, i == 0, findings);
                    break;
            }
        }
    }

    private static void CheckIdentifier(LeanToken t, LeanToken? prev, LeanToken? next, LeanToken at, bool first, List<AuditFinding> findings)
    {
        var parts = LeanNames.Components(t.Text);
        var last = parts[^1];
        if (parts.Any(p => p is "sorry" or "admit" or "sorryAx") || t.Text == "stop")
        {
            findings.Add(Finding(Sorry, at, t.Text));
        }
        else if (parts.Any(NativeNames.Contains) || (last == "native" && (prev?.Text == "+" || next?.Type == Lean4Lexer.ASSIGN)))
        {
            findings.Add(Finding(NativeCode, at, prev?.Text == "+" ? "+native" : t.Text));
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
        else if (last == "include_str")
        {
            findings.Add(Finding(ReadsFiles, at, t.Text));
        }
        else if (SyntaxIdentifiers.Contains(t.Text))
        {
            findings.Add(Finding(ExtendsSyntax, at, t.Text));
        }
        else if (first && t.Text == "prelude")
        {
            findings.Add(Finding(ModuleHeader, at, t.Text));
        }
    }

    private static void CheckOption(LeanToken? name, LeanToken? value, LeanToken at, List<AuditFinding> findings)
    {
        var option = name?.Name ?? string.Empty;
        var allowed = AllowedOptions.Any(a => a.EndsWith('.') ? option.StartsWith(a, StringComparison.Ordinal) : option == a);
        if (allowed && option == "maxHeartbeats")
        {
            allowed = value?.Type == Lean4Lexer.NUMBER
                && long.TryParse(value.Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is > 0 and <= MaxHeartbeatsCap;
        }

        if (!allowed)
        {
            findings.Add(new AuditFinding(Option, $"set_option {option} {value?.Text}".TrimEnd(), at.Span,
                option.StartsWith("debug.", StringComparison.Ordinal)
                    ? "debug.* options can switch off the kernel's checks."
                    : $"{Reasons[Option]} Allowed: {string.Join(", ", AllowedOptions)} (maxHeartbeats between 1 and {MaxHeartbeatsCap})."));
        }
    }

    /// <summary>Checks each comma-separated attribute from <paramref name="start"/> to the closing bracket.</summary>
    private static void CheckAttributes(List<LeanToken> code, int start, LeanToken at, List<AuditFinding> findings)
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
                    findings.Add(new AuditFinding(AttributeRule, $"@[{t.Text}]", (t.Line > 0 ? t : at).Span,
                        $"{Reasons[AttributeRule]} Allowed: {string.Join(", ", AllowedAttributes.Order(StringComparer.Ordinal))}."));
                }
            }
        }
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
