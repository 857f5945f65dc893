using ProofCheck.Pipeline.Problems.Validation;

namespace ProofCheck.Cli.Problems;

/// <summary>
/// One plain line per finished check on standard error, so a long validation shows it is alive, works the same
/// in a terminal, a pipe and CI, and never mixes with the JSON on standard output.
/// </summary>
internal sealed class ValidationProgress(TextWriter writer, string problemsDirectory)
{
    public void Report(ProblemCheckResult r, int done, int total)
    {
        var width = total.ToString().Length;
        var status = r.Status switch
        {
            ValidationStatus.Passed => "ok  ",
            ValidationStatus.Failed => "FAIL",
            _ => "skip",
        };
        var time = r.Ms >= 100 ? $" ({r.Ms / 1000.0:0.0} s)" : string.Empty;
        var line = $"[{done.ToString().PadLeft(width)}/{total}] {status} {r.ProblemId} {r.Check}{time}";
        if (r.Status == ValidationStatus.Failed)
        {
            var where = r.File is null ? string.Empty : Path.GetRelativePath(problemsDirectory, r.File) + ": ";
            line += $"\n        {where}{r.Detail.ReplaceLineEndings("\n        ")}";
        }

        writer.WriteLine(line);
    }
}
