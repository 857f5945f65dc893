namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Which fence languages belong to which target. Reading the fences is <see cref="ProofCheck.Core.Fences"/>' job;
/// this only decides which blocks a target's checker receives and which tag the prompts ask for.
/// </summary>
internal static class FenceLanguages
{
    private static readonly Dictionary<string, string> LanguageTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lean"] = "lean", ["lean4"] = "lean",
        ["coq"] = "coq", ["rocq"] = "coq", ["v"] = "coq", ["gallina"] = "coq",
        ["smt2"] = "smt", ["smt"] = "smt", ["smtlib"] = "smt", ["smtlib2"] = "smt", ["smt-lib"] = "smt", ["smt-lib2"] = "smt",
    };

    /// <summary>The fence language each target's artifacts use.</summary>
    public static string FenceFor(string target) => target switch
    {
        "lean" => "lean",
        "coq" => "coq",
        _ => "smt2",
    };

    public static string? TargetOf(string language) => LanguageTargets.GetValueOrDefault(language);
}
