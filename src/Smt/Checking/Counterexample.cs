using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Checking;

/// <summary>Writes a model as the assignment a reader checks by hand: <c>a = 3, b = -2</c>, in declaration order.</summary>
internal static class Counterexample
{
    /// <summary>
    /// Only the obligation's own symbols are shown (solvers add helpers such as z3's <c>mod0</c>); a declared symbol
    /// the model leaves out can take any value, which is said as much.
    /// </summary>
    public static string Format(SolverResponse.Model model, IReadOnlyList<(string Name, string Written)> declared)
    {
        var byName = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var d in model.Definitions)
        {
            byName.TryAdd(d.Name, d);
        }

        var parts = new List<string>();
        foreach (var (name, written) in declared)
        {
            if (!byName.TryGetValue(name, out var d))
            {
                continue;
            }

            parts.Add(d.Parameters.Count == 0
                ? $"{written} = {d.Value}"
                : $"{written}({string.Join(", ", d.Parameters)}) = {d.Value}");
        }

        return parts.Count == 0 ? "(any values)" : string.Join(", ", parts);
    }
}
