namespace ProofCheck.Execution;

/// <summary>The program could not be started at all (not found, not executable). Thrown before anything runs.</summary>
public sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner);
