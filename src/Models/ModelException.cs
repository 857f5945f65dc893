namespace ProofCheck.Models;

/// <summary>
/// A model backend cannot do what was asked for a reason the user can fix (a missing file, an unknown request in a
/// replay file, a wrong API key). The message says what happened; <see cref="Advice"/> says what to do about it.
/// </summary>
public class ModelException(string message, string? advice = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Advice { get; } = advice;
}
