namespace ProofCheck.Models.Replay;

/// <summary>A replayed or scripted model was asked something it has no recorded answer for.</summary>
public sealed class ReplayMismatchException(string message, string? advice = null) : ModelException(message, advice);
