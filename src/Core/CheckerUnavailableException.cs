namespace ProofCheck.Core;

/// <summary>
/// A checker cannot run at all (not installed, no sandbox). Carries the advice a user needs
/// (what to install, which flag to pass) so the CLI can print it and exit with code 3.
/// </summary>
public sealed class CheckerUnavailableException(string checker, string message, string? advice = null)
    : Exception(message)
{
    public string Checker { get; } = checker;

    public string? Advice { get; } = advice;
}
