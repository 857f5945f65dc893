using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Which fence languages belong to which target, as the targets' descriptors list them. Reading the fences is
/// <see cref="ProofCheck.Core.Fences"/>' job; this only decides which blocks a target's checker receives and which
/// tag the prompts ask for.
/// </summary>
internal static class FenceLanguages
{
    /// <summary>The fence language each target's artifacts use: the first its descriptor lists.</summary>
    public static string FenceFor(string target) => CheckTargets.Get(target).FenceLanguages[0];

    public static string? TargetOf(string language) => CheckTargets.OfFence(language)?.Name;
}
