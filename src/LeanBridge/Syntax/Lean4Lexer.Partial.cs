using Antlr4.Runtime;

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

    /// <summary>True when the previous code token is a word after which a string is interpolated.</summary>
    private bool InterpolationExpected { get; set; }

    public override IToken NextToken()
    {
        var token = base.NextToken();
        if (token.Channel == TokenConstants.DefaultChannel)
        {
            InterpolationExpected = token.Type == IDENT && InterpolatingWords.Contains(token.Text);
        }

        return token;
    }

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
