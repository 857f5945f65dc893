namespace ProofCheck.Core;

/// <summary>The user's input is wrong (a missing file, a malformed problem, a bad option value): exit code 2, one clear line.</summary>
public sealed class UserInputException(string message, Exception? inner = null) : Exception(message, inner);
