using ProofCheck.Core;
using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.TestSupport;
using Xunit.Abstractions;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Our own small cases for every failure class found on public material (Cases/README.md): honest forms published
/// provers and Mathlib use, which must not be refused, and cheats, each with the gate that must refuse it. A case
/// file starts with directives: <c>-- statement:</c> (a file in Cases/statements, or <c>self</c>: the statement the
/// file itself proves), <c>-- expect:</c> (<c>accepted</c>, <c>audit RULE</c>, <c>statement</c> for gate (a), or
/// <c>lean</c> when only Lean's gate (b) can tell), optionally <c>-- allow-axioms:</c>.
/// Lean is not run here (an honest case's verdict is CheckerUnavailable: not refused); RealLeanSpecs runs every
/// case through Lean where it is installed (with PROOFCHECK_LEAN_PROJECT naming a Lake project with Mathlib).
/// </summary>
public sealed class CaseSpecs(ITestOutputHelper output)
{
    internal static string Folder => RepoPaths.InTests("LeanBridge.Tests", "Cases");

    public static TheoryData<string> Honest() => Files("honest");

    public static TheoryData<string> Cheats() => Files("cheat");

    [Theory]
    [MemberData(nameof(Honest))]
    public async Task An_honest_case_is_not_refused(string name)
    {
        var c = LeanCase.Load(Path.Combine(Folder, "honest", name));
        Assert.Equal("accepted", c.Expect);

        var report = await CheckWithoutLeanAsync(c);

        Assert.True(report.Audit!.Passed, string.Join("; ", report.Audit.Findings.Select(f => $"{f.Rule}: {f.Construct} line {f.Span.Line}")));
        Assert.True(report.Verdict == Verdict.CheckerUnavailable, $"{report.Verdict}: {string.Join("; ", report.Obligations[0].Diagnostics.Select(d => d.Message))}");
    }

    [Theory]
    [MemberData(nameof(Cheats))]
    public async Task A_cheat_case_is_refused_by_its_gate(string name)
    {
        var c = LeanCase.Load(Path.Combine(Folder, "cheat", name));

        var report = await CheckWithoutLeanAsync(c);

        Assert.NotEqual(Verdict.Verified, report.Verdict);
        var parts = c.Expect.Split(' ', 2);
        switch (parts[0])
        {
            case "audit":
                Assert.Equal(Verdict.Rejected, report.Verdict);
                Assert.Contains(report.Audit!.Findings, f => f.Rule == parts[1]);
                break;
            case "statement":
                Assert.True(report.Audit!.Passed, string.Join("; ", report.Audit.Findings.Select(f => f.Rule)));
                Assert.Equal(Verdict.Rejected, report.Verdict);
                Assert.Contains(report.Obligations[0].Diagnostics, d => d.Source == "statement");
                break;
            case "lean":
                // Recorded for the real-Lean run: the audit and gate (a) cannot tell, gate (b) must.
                Assert.True(report.Audit!.Passed);
                Assert.Equal(Verdict.CheckerUnavailable, report.Verdict);
                break;
            default:
                Assert.Fail($"unknown expectation '{c.Expect}' in {name}");
                break;
        }
    }

    [Fact]
    public void The_case_counts_are_printed_and_every_gate_has_cases()
    {
        var honest = Files("honest").Count;
        var cheats = Directory.GetFiles(Path.Combine(Folder, "cheat")).Select(LeanCase.Load).ToList();
        var byGate = cheats.GroupBy(c => c.Expect.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Lean cases: {honest} honest, {cheats.Count} cheats ({string.Join(", ", byGate.Select(g => $"{g.Value} {g.Key}"))})");

        Assert.True(honest >= 10);
        Assert.True(byGate.GetValueOrDefault("audit") >= 10);
        Assert.True(byGate.ContainsKey("statement"));
        Assert.True(byGate.ContainsKey("lean"));
    }

    private static Task<CheckReport> CheckWithoutLeanAsync(LeanCase c)
    {
        // An explicit lean that does not exist: the verdict can only come from extraction, the audit and gate (a).
        var checker = new LeanProofChecker(new LeanCheckerOptions { LeanPath = Path.Combine(Folder, "no-lean-here") });
        return checker.CheckAsync(c.Request());
    }

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Folder, kind)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }
}

/// <summary>One case file and its directives.</summary>
internal sealed record LeanCase(string Source, string Statement, string Expect, IReadOnlyList<string>? AllowedAxioms)
{
    public static LeanCase Load(string path)
    {
        var source = File.ReadAllText(path);
        string? Directive(string key) => source.Split('\n').Where(l => l.StartsWith("-- " + key + ":", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 4)..].Trim()).FirstOrDefault();
        var statementName = Directive("statement") ?? throw new InvalidDataException($"{path}: no '-- statement:' line");
        var statement = statementName == "self"
            ? StatementOf.Published(source) ?? throw new InvalidDataException($"{path}: proves no theorem")
            : File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path))!, "statements", statementName + ".lean"));
        var axioms = Directive("allow-axioms")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new LeanCase(source, statement, Directive("expect") ?? throw new InvalidDataException($"{path}: no '-- expect:' line"), axioms);
    }

    public CheckRequest Request() => new(Source) { CanonicalStatement = Statement, AllowedAxioms = AllowedAxioms, Sandboxed = false };
}
