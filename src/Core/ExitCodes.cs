namespace ProofCheck.Core;

/// <summary>Process exit codes shared by every <c>check</c> command (documented in the README).</summary>
public static class ExitCodes
{
    public const int AllVerified = 0;
    public const int NotVerified = 1;
    public const int BadInput = 2;
    public const int CheckerUnavailable = 3;

    public static int For(CheckReport report) => report.Verdict switch
    {
        Verdict.Verified => AllVerified,
        Verdict.CheckerUnavailable => CheckerUnavailable,
        _ => NotVerified,
    };
}
