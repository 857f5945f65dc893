using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.LeanBridge;
using ProofCheck.LeanBridge.Audit;
using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.LeanBridge.Messages;
using ProofCheck.LeanCorpus;

// Measures the Lean bridge on a folder of published Lean files (prover output, Mathlib files, cheat collections):
// each file is split into the statement it proves and the proof, checked as a submission (extraction, audit,
// statement gate; Lean itself only when installed), and counted. A folder holding Target.lean is a cheat-collection
// case (SafeVerify's layout): Target.lean is the statement and every other file there a submission against it.
if (args.Length == 5 && args[0] == "arrange-minif2f")
{
    return MiniF2FProofs.Arrange(args[1], args[2], args[3], args[4]);
}

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: LeanCorpus <folder> [--expect honest|cheat] [--allow-native] [--verbose]
               LeanCorpus arrange-minif2f <minif2f.jsonl> <proofs folder> <prover> <output folder>

        Checks every .lean file under <folder> as a submission for the statement it proves (everything before its
        last theorem, plus that theorem's header with := by sorry; or the Target.lean next to it) and prints how
        many were refused (Rejected or Failed), with the first reason, and how long the checks took.
          --expect honest   every file is an honest proof: refusals are wrong (the default)
          --expect cheat    every file is a cheat: files not refused are listed
          --allow-native    check as a problem that allows Lean.ofReduceBool (native_decide) would
          --verbose         print one line per file

        arrange-minif2f lays out published miniF2F proof bodies (<proofs folder>/<index>/<prover>/<n>.txt, numbered
        by the test split's order in <minif2f.jsonl>) as a folder per problem with its Target.lean.
        Without Lean on PATH the verdict of a file that passes is CheckerUnavailable ("not refused").
        """);
    return 0;
}

var folder = args[0];
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"error: '{folder}' is not a folder");
    return 2;
}

var cheats = args.SkipWhile(a => a != "--expect").Skip(1).FirstOrDefault() == "cheat";
var verbose = args.Contains("--verbose");
IReadOnlyList<string>? axioms = args.Contains("--allow-native") ? [.. AxiomReport.StandardAxioms, LeanAuditRules.NativeAxiom] : null;
var files = Directory.GetFiles(folder, "*.lean", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "Target.lean").Order(StringComparer.Ordinal).ToList();
await using var checker = new LeanProofChecker();
var refusedBy = new Dictionary<string, int>(StringComparer.Ordinal);
var unexpected = new List<string>();
var skipped = 0;
var times = new List<(double Ms, string File)>();
foreach (var path in files)
{
    var source = await File.ReadAllTextAsync(path);
    var target = Path.Combine(Path.GetDirectoryName(path)!, "Target.lean");
    var statement = File.Exists(target) ? await File.ReadAllTextAsync(target) : StatementOf.Published(source);
    var name = Path.GetRelativePath(folder, path);
    if (statement is null)
    {
        // No theorem with a proof: an honest folder's build file is not a proof (skipped); a cheat (an environment
        // hack) is checked as the user's own statement, so the audit still runs.
        skipped++;
        if (!cheats)
        {
            continue;
        }
    }

    var watch = Stopwatch.StartNew();
    var report = await checker.CheckAsync(new CheckRequest(source) { CanonicalStatement = statement, StatementVetted = statement is not null, Sandboxed = true, AllowedAxioms = axioms });
    watch.Stop();
    times.Add((watch.Elapsed.TotalMilliseconds, name));
    var refused = report.Verdict is Verdict.Rejected or Verdict.Failed;
    var reason = Reason(report);
    if (refused)
    {
        var key = report.Audit?.Findings.FirstOrDefault()?.Rule ?? report.Obligations[0].Diagnostics.FirstOrDefault()?.Source ?? "other";
        refusedBy[key] = refusedBy.GetValueOrDefault(key) + 1;
    }

    if (refused != cheats)
    {
        unexpected.Add($"{name}: {report.Verdict} {reason}");
    }

    if (verbose)
    {
        Console.WriteLine($"{(refused ? "refused" : "passed "),-8} {watch.Elapsed.TotalMilliseconds,8:0.0} ms  {name}  {reason}");
    }
}

var checkedCount = times.Count;
var refusedCount = refusedBy.Values.Sum();
Console.WriteLine($"files: {checkedCount} checked; {skipped} without a proved theorem ({(cheats ? "audit only" : "skipped")})");
Console.WriteLine($"refused: {refusedCount}  not refused: {checkedCount - refusedCount}");
foreach (var (rule, n) in refusedBy.OrderByDescending(r => r.Value))
{
    Console.WriteLine($"  refused by {rule}: {n}");
}

Console.WriteLine(cheats ? $"cheats NOT refused: {unexpected.Count}" : $"honest proofs wrongly refused: {unexpected.Count}");
foreach (var line in unexpected)
{
    Console.WriteLine("  " + line);
}

if (times.Count > 0)
{
    var slowest = times.MaxBy(t => t.Ms);
    Console.WriteLine($"time: total {times.Sum(t => t.Ms) / 1000:0.00} s, median {times.Select(t => t.Ms).Order().ElementAt(times.Count / 2):0.0} ms, slowest {slowest.Ms:0} ms ({slowest.File})");
}

return 0;

static string Reason(CheckReport report)
{
    var finding = report.Audit?.Findings.FirstOrDefault();
    if (finding is not null)
    {
        return $"[{finding.Rule}] {finding.Construct} (line {finding.Span.Line})";
    }

    var d = report.Obligations[0].Diagnostics.FirstOrDefault();
    var text = d?.Message ?? string.Empty;
    return text.Length > 160 ? text[..160] + "…" : text;
}
