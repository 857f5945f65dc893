using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Fidelity;

/// <summary>
/// The canonical statement a published, self-contained proof file proves: everything before its main theorem (the
/// imports, options, opens and definitions it states the theorem in), then the theorem's header with
/// <c>:= by sorry</c>. Used to measure the checker on public prover output, which comes without a separate
/// statement file.
/// </summary>
public static class StatementOf
{
    /// <summary>The statement of <paramref name="source"/>'s main theorem (the theorem named <paramref name="mainName"/>, else its last one), or null when it has none.</summary>
    public static string? Published(string source, string? mainName = null)
    {
        var file = LeanSyntax.Parse(source);
        var main = mainName is null ? file.LastTheorem : file.Declarations.LastOrDefault(d => d.IsTheorem && d.FullName == mainName);
        if (main is null || main.Body.Count == 0)
        {
            return null;
        }

        var before = LeanSyntax.Source(file, file.AllTokens[0], file.AllTokens[main.Body[0].Index - 1]);
        return before.TrimEnd() + " := by sorry\n";
    }
}
