using ProofCheck.Execution;

namespace ProofCheck.TestSupport;

/// <summary>Facts about which real checkers this machine has, for tests that must say why they are skipped.</summary>
public static class Tools
{
    public static bool Has(string program) => ExecutableResolver.Resolve(program) is not null;
}

/// <summary>A fact that runs only when <paramref name="program"/> is on PATH, and is reported as skipped (with the reason) otherwise.</summary>
public sealed class RequiresToolFactAttribute : Xunit.FactAttribute
{
    public RequiresToolFactAttribute(string program)
    {
        if (!Tools.Has(program))
        {
            Skip = $"'{program}' is not on PATH on this machine; this test runs against the real tool when it is installed.";
        }
    }
}

/// <summary>
/// A theory that runs only when <paramref name="program"/> is on PATH and, if named, <paramref name="environmentVariable"/>
/// is set (e.g. the Lake project with Mathlib that Lean cases import); reported as skipped, with the reason, otherwise.
/// </summary>
public sealed class RequiresToolTheoryAttribute : Xunit.TheoryAttribute
{
    public RequiresToolTheoryAttribute(string program, string? environmentVariable = null)
    {
        if (!Tools.Has(program))
        {
            Skip = $"'{program}' is not on PATH on this machine; this test runs against the real tool when it is installed.";
        }
        else if (environmentVariable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(environmentVariable)))
        {
            Skip = $"{environmentVariable} is not set; this test needs it to run against the real tool.";
        }
    }
}
