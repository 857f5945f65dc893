namespace ProofCheck.Execution;

/// <summary>
/// Backs a program's large heap blocks with transparent huge pages, through glibc's <c>glibc.malloc.hugetlb=1</c>
/// tunable (glibc 2.35 and later; older ones ignore it, as do kernels with huge pages off). Why: z3 fills about
/// 30 MB of tables as it starts, coqc and coqtop fault in the libraries they load and the proofs
/// <c>Print Assumptions</c> walks; each first touch of a 4 KB page is a page fault, and where faults are dear (the
/// 2-core development VM, whose host takes freed guest memory back) they are a third to a half of a check's time.
/// With 2 MB pages there are a fifth as many. It changes where memory comes from, never what a program computes.
/// </summary>
public static class HugePages
{
    /// <summary>The variable glibc reads its tunables from.</summary>
    public const string TunablesVariable = "GLIBC_TUNABLES";

    /// <summary>glibc reads the kernel's huge page settings here, so a sandboxed program is shown it, read-only.</summary>
    public const string KernelSettings = "/sys/kernel/mm/transparent_hugepage";

    private const string Tunable = "glibc.malloc.hugetlb=1";

    /// <summary>The tunable list to run with: <paramref name="current"/> (the user's own, kept) with the huge page tunable added unless it sets one.</summary>
    public static string Tunables(string? current) =>
        string.IsNullOrEmpty(current) ? Tunable
        : current.Contains("glibc.malloc.hugetlb=", StringComparison.Ordinal) ? current
        : $"{current}:{Tunable}";
}
