using ProofCheck.Coq.Running;
using ProofCheck.Core;

namespace ProofCheck.Coq;

/// <summary>The <c>proofcheck doctor</c> line for Coq: whether coqc runs here, and its version.</summary>
public static class CoqProbe
{
    public static async Task<IReadOnlyList<ToolStatus>> ProbeAsync(CancellationToken cancellationToken)
    {
        var coq = await CoqInstallation.FindAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            new ToolStatus("checker", "coqc", coq is not null)
            {
                Version = coq?.Version,
                Location = coq?.Coqc,
                Advice = coq is null
                    ? CoqTarget.InstallAdvice
                    : $"standard library at {coq.Library} ({coq.StandardLibrary.Count} libraries)",
            },
        ];
    }
}
