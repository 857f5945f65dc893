using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

/// <summary>A theory that runs only when <paramref name="program"/> is on PATH, and says why it is skipped otherwise.</summary>
internal sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(string program)
    {
        if (!Tools.Has(program))
        {
            Skip = $"'{program}' is not on PATH on this machine; this test runs against the real tool when it is installed.";
        }
    }
}
