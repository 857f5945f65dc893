using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace ProofCheck.LeanBridge.Syntax.Generated;

/// <summary>
/// The parts of Lean's lexer that a finite grammar cannot express: raw strings whose closing run of '#' must match
/// the opening one, and strings that are interpolated because of the word before them (Lean decides that in the
/// parser: <c>s!</c>, <c>m!</c>, <c>f!</c>, <c>throwError</c> … are followed by an <c>interpolatedStr</c>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708", Justification = "The generated half has ANTLR's ruleNames/RuleNames pairs.")]
public partial class Lean4Lexer
{
    /// <summary>Words after which Lean reads an interpolated string (Lean core and Mathlib syntax).</summary>
    private static readonly HashSet<string> InterpolatingWords = new(StringComparer.Ordinal)
    {
        "s!", "m!", "f!", "throwError", "throwErrorAt", "logInfo", "logWarning", "logError", "dbg_trace",
        "throwNamedError", "throwNamedErrorAt", "trace!",
    };

    /// <summary>
    /// The `#`-command words of Lean, Batteries, Mathlib and the libraries Mathlib imports. Lean's token table
    /// matches the longest token, so `#evalx` is `#eval` then `x`: a word that starts with one of these is a command.
    /// Any other `#word` is Mathlib's `#` (Finset.card) applied to an identifier, unless it stands where a command can.
    /// </summary>
    internal static readonly string[] HashCommandWords =
    [
        "eval", "print", "check", "reduce", "exit", "synth", "guard", "help", "where", "version", "widget", "time",
        "discr_tree", "grind", "lint", "list_linters", "instances", "find", "simp", "dsimp", "norm_num", "conv",
        "whnf", "explode", "unfold", "push_neg", "min_imports", "long_names", "long_instances", "count_heartbeats",
        "adaptation_note", "sample", "test", "leansearch", "loogle", "moogle", "statesearch", "html", "kerodon",
        "stacks_tag", "parse", "trans_imports", "redundant_imports", "align", "noalign",
    ];

    /// <summary>True when the previous code token is a word after which a string is interpolated.</summary>
    private bool InterpolationExpected { get; set; }

    /// <summary>The previous code (default-channel) token, for decisions that depend on it.</summary>
    private IToken? previousCode;

    public override IToken NextToken()
    {
        var token = base.NextToken();
        if (token.Channel == TokenConstants.DefaultChannel)
        {
            InterpolationExpected = token.Type == IDENT && InterpolatingWords.Contains(token.Text);
            previousCode = token;
        }

        return token;
    }

    /// <summary>
    /// Whether the `#word` read so far is a command token (Lean's longest match over its token table) rather than
    /// Mathlib's `#` followed by an identifier (`#A = m + 1`, `≤ #B`). A known command word always is; an unknown
    /// one is when it stands where a command can begin (first on its line, and not after a token that still needs a
    /// term, such as `:`, `:=`, an operator or an opening bracket). So an unknown command is never hidden as
    /// notation: at worst an odd `#x` is refused as a command.
    /// </summary>
    private bool IsHashCommand()
    {
        var input = (ICharStream)InputStream;
        var word = input.GetText(Interval.Of(TokenStartCharIndex + 1, input.Index - 1)).TrimEnd('!');
        if (HashCommandWords.Any(w => word.StartsWith(w, StringComparison.Ordinal)))
        {
            return true;
        }

        var prev = previousCode;
        var firstOnLine = prev is null || prev.Line < TokenStartLine;
        return firstOnLine && !NeedsTerm(prev);
    }

    private static bool NeedsTerm(IToken? prev) =>
        prev is not null && (prev.Type is COLON or ASSIGN or LPAREN or LBRACKET or LBRACE or STRICT_OPEN or BAR or SYMBOL or ATTR_OPEN
            || (prev.Type == OTHER && prev.Text is not ("⟩" or "⌋" or "⌉" or "‖" or "!" or "?"))
            || (prev.Type == IDENT && prev.Text is "calc" or "show" or "exact" or "from" or "then" or "else" or "return" or "if"
                or "using" or "refine" or "apply" or "use" or "exists" or "suffices" or "have" or "fun" or "λ"));

    /// <summary>
    /// Called after <c>r#…#"</c>: reads up to a quote followed by as many '#' as opened the literal (Lean's
    /// rawStrLitFnAux), or to the end of input, which makes the token an <see cref="UNTERMINATED_STRING"/>.
    /// </summary>
    private void ReadRawStringRest()
    {
        var hashes = Text.Length - 2;
        var input = (ICharStream)InputStream;
        while (true)
        {
            var c = input.LA(1);
            if (c == IntStreamConstants.EOF)
            {
                Type = UNTERMINATED_STRING;
                return;
            }

            Interpreter.Consume(input);
            if (c != '"')
            {
                continue;
            }

            var run = 0;
            while (run < hashes && input.LA(1) == '#')
            {
                Interpreter.Consume(input);
                run++;
            }

            if (run == hashes)
            {
                return;
            }
        }
    }
}
