namespace ProofCheck.Smt.Solvers;

/// <summary>How one request to a solver process ended.</summary>
internal enum ReplyStatus
{
    /// <summary>The sentinel came back: <see cref="SolverReply.Output"/> holds every answer to the request.</summary>
    Complete,

    /// <summary>The process closed its output (it exited or was killed) before the sentinel.</summary>
    Exited,

    /// <summary>No sentinel within the wall-clock limit; the process was killed.</summary>
    Hung,
}

/// <summary>What a solver printed for one request, and whether it got to the end.</summary>
internal sealed record SolverReply(ReplyStatus Status, string Output, string StandardError);
