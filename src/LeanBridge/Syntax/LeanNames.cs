using System.Text;

namespace ProofCheck.LeanBridge.Syntax;

/// <summary>Lean names as written (<c>Foo.«bar baz».x</c>) and as meant (components without escapes).</summary>
public static class LeanNames
{
    /// <summary>The components of a dotted name; a «…» component may itself contain dots.</summary>
    public static IReadOnlyList<string> Components(string name)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var escaped = false;
        foreach (var rune in name.EnumerateRunes())
        {
            var c = rune.ToString();
            if (escaped)
            {
                if (c == "»")
                {
                    escaped = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == "«")
            {
                escaped = true;
            }
            else if (c == ".")
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>The name with escapes removed: <c>«sorryAx»</c> is <c>sorryAx</c>.</summary>
    public static string Unescape(string name) => string.Join('.', Components(name));

    /// <summary>The name resolved against a namespace, honouring <c>_root_</c>.</summary>
    public static string Qualify(string? currentNamespace, string name)
    {
        var plain = Unescape(name);
        if (plain.StartsWith("_root_.", StringComparison.Ordinal))
        {
            return plain["_root_.".Length..];
        }

        return string.IsNullOrEmpty(currentNamespace) ? plain : currentNamespace + "." + plain;
    }
}
