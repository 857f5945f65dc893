using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.LeanBridge.Messages;

namespace ProofCheck.LeanBridge.Running;

/// <summary>A verdict with the diagnostics that explain it.</summary>
public sealed record LeanOutcome(Verdict Verdict, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// File mode, the authoritative check: compile the canonical module, the candidate module and the check module
/// (gate b) with <c>lean --json</c>, read the check module's <c>#print axioms</c>, and replay the candidate through
/// <c>leanchecker</c> where Lean ships it. Only this path can return <see cref="Verdict.Verified"/>.
/// </summary>
public static class FileModeCheck
{
    public static async Task<LeanOutcome> RunAsync(
        LeanInstallation lean,
        CleanContextModules modules,
        ExtractedLean extracted,
        IReadOnlyList<string> allowedAxioms,
        LeanRunSettings settings,
        CancellationToken cancellationToken)
    {
        // Stage isolation: each stage runs in its own folder, the only one its sandbox may write. Later stages' folders
        // and files are created only after the earlier stage ended (their names are random), and compiled modules are
        // copied forward and hashed, so code the candidate runs while it compiles cannot replace the check module,
        // the canonical module or its own compiled output.
        var stages = new List<DirectoryInfo>();
        DirectoryInfo NewStage(string name)
        {
            var stage = TempFolders.Create($"lean-{name}-");
            stages.Add(stage);
            return stage;
        }

        try
        {
            var hasCanonical = modules.Canonical.Length > 0;
            string? canonicalDir = null;
            if (hasCanonical)
            {
                canonicalDir = NewStage("canonical").FullName;
                await File.WriteAllTextAsync(Path.Combine(canonicalDir, CleanContextModules.CanonicalModule + ".lean"), modules.Canonical, cancellationToken).ConfigureAwait(false);
                var canonical = await LeanModuleRunner.CompileAsync(lean, canonicalDir, CleanContextModules.CanonicalModule, true, settings, cancellationToken).ConfigureAwait(false);
                if (Abnormal(canonical, "the canonical statement") is { } abnormal)
                {
                    return abnormal;
                }

                if (canonical.Errors.Any())
                {
                    return new LeanOutcome(Verdict.Failed, [.. canonical.Errors.Select(e => Diagnostic.Error(
                        $"the canonical statement does not compile here: {e.Data}{ImportHint(e, modules.Canonical)}", null, "lean"))]);
                }
            }

            var candidateDir = NewStage("candidate").FullName;
            await File.WriteAllTextAsync(Path.Combine(candidateDir, CleanContextModules.CandidateModule + ".lean"), modules.Candidate, cancellationToken).ConfigureAwait(false);
            var candidate = await LeanModuleRunner.CompileAsync(lean, candidateDir, CleanContextModules.CandidateModule, true, settings, cancellationToken).ConfigureAwait(false);
            if (Abnormal(candidate, "the proof") is { } failed)
            {
                return failed;
            }

            var diagnostics = candidate.Messages.Where(m => m.Severity != DiagnosticSeverity.Information || m.Goal is not null)
                .Select(m => ToDiagnostic(m, extracted, modules.CandidateLineOffset)).ToList();
            var errors = candidate.Errors.ToList();
            if (errors.Count > 0)
            {
                if (errors.All(e => e.IsHeartbeatTimeout))
                {
                    return new LeanOutcome(Verdict.Timeout, diagnostics);
                }

                var importHint = errors.Where(e => e.Line <= modules.CandidateLineOffset || ImportHint(e, modules.Candidate).Length > 0)
                    .Select(e => Diagnostic.Error($"the imports could not be loaded ({e.Data.Split('\n')[0]}){ImportHint(e, modules.Candidate)}", null, "lean"));
                return new LeanOutcome(Verdict.Failed, [.. diagnostics, .. importHint]);
            }

            if (candidate.Process.ExitCode != 0)
            {
                return new LeanOutcome(Verdict.Failed, [.. diagnostics, Diagnostic.Error($"Lean exited with code {candidate.Process.ExitCode} without an error message: {Excerpt(candidate.Process.StandardError)}", null, "lean")]);
            }

            if (candidate.Messages.FirstOrDefault(m => m.IsSorryWarning) is { } sorry)
            {
                return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error("Lean reports that the proof uses sorry", Span(sorry, extracted, modules.CandidateLineOffset), "lean")]);
            }

            // The candidate's process has ended: only now does the check stage exist.
            var dir = NewStage("check").FullName;
            var compiled = new CompiledModules(dir);
            compiled.CopyIn(candidateDir, CleanContextModules.CandidateModule);
            if (canonicalDir is not null)
            {
                compiled.CopyIn(canonicalDir, CleanContextModules.CanonicalModule);
            }

            await File.WriteAllTextAsync(Path.Combine(dir, CleanContextModules.CheckModule + ".lean"), modules.Check, cancellationToken).ConfigureAwait(false);
            var check = await LeanModuleRunner.CompileAsync(lean, dir, CleanContextModules.CheckModule, false, settings, cancellationToken).ConfigureAwait(false);
            if (Abnormal(check, "the clean-context comparison") is { } checkFailed)
            {
                return checkFailed;
            }

            var verdictDiagnostics = new List<Diagnostic>();
            var checkErrors = check.Errors.ToList();
            if (checkErrors.Count > 0)
            {
                if (checkErrors.All(e => e.IsHeartbeatTimeout))
                {
                    return new LeanOutcome(Verdict.Timeout, [.. checkErrors.Select(e => Diagnostic.Error("the clean-context comparison ran out of heartbeats: " + e.Headline, null, "lean"))]);
                }

                return new LeanOutcome(Verdict.Rejected, [.. diagnostics, .. checkErrors.Select(e => Diagnostic.Error(
                    (e.Line < CleanContextModules.ComparisonLine
                        ? "the submission clashes with the canonical statement's own definitions in a clean context: "
                        : "in a clean context, the submitted theorem does not prove the canonical statement (a helper instance, a shadowing definition, an open or an option changed its meaning): ")
                    + e.Headline, null, "lean") with { Goal = e.Goal })]);
            }

            var reports = check.Messages.Select(m => AxiomReport.TryParse(m.Data)).OfType<AxiomReport>()
                .Where(r => r.Constant == modules.AxiomsConstant).ToList();
            if (reports.Count != 1)
            {
                return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error(
                    $"the clean-context check printed {reports.Count} axiom reports for {modules.AxiomsConstant} (exactly one expected); the check did not complete as required", null, "lean")]);
            }

            var disallowed = reports[0].Disallowed(allowedAxioms);
            if (disallowed.Count > 0)
            {
                return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error(
                    $"the proof depends on axioms outside the allowed set ({string.Join(", ", allowedAxioms)}): {string.Join(", ", disallowed)}", null, "lean")]);
            }

            if (compiled.Changed() is { } changed)
            {
                return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error(
                    $"the compiled module {changed} changed between stages (SHA-256 differs from what its own stage produced); nothing it proves is trusted", null, "lean")]);
            }

            if (lean.LeanChecker is not null)
            {
                var replay = await LeanModuleRunner.ReplayAsync(lean, dir, CleanContextModules.CandidateModule, settings, cancellationToken).ConfigureAwait(false);
                if (replay.TimedOut)
                {
                    return new LeanOutcome(Verdict.Timeout, [Diagnostic.Error($"leanchecker did not finish replaying the proof within {settings.Timeout.TotalSeconds:0} s", null, "leanchecker")]);
                }

                if (replay.ExitCode != 0)
                {
                    return new LeanOutcome(Verdict.Rejected, [.. diagnostics, Diagnostic.Error(
                        $"replaying the compiled proof through the kernel (leanchecker) failed (exit {replay.ExitCode}): {Excerpt(replay.StandardError + replay.StandardOutput)}", null, "leanchecker")]);
                }

                verdictDiagnostics.Add(new Diagnostic(DiagnosticSeverity.Information, "leanchecker replayed the compiled proof through the kernel") { Source = "leanchecker" });
            }
            else
            {
                verdictDiagnostics.Add(new Diagnostic(DiagnosticSeverity.Information, "leanchecker is not available (Lean < v4.28): kernel replay skipped") { Source = "leanchecker" });
            }

            verdictDiagnostics.Insert(0, new Diagnostic(DiagnosticSeverity.Information,
                $"axioms: {(reports[0].Axioms.Count == 0 ? "none" : string.Join(", ", reports[0].Axioms.Order(StringComparer.Ordinal)))}") { Source = "lean" });
            return new LeanOutcome(Verdict.Verified, [.. diagnostics.Where(d => d.Severity != DiagnosticSeverity.Error), .. verdictDiagnostics]);
        }
        finally
        {
            foreach (var stage in stages)
            {
                try
                {
                    stage.Delete(recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>Compiled modules copied into a later stage, with the SHA-256 of each file as its own stage left it.</summary>
    private sealed class CompiledModules(string stageDir)
    {
        private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);

        /// <summary>Copies <c>{module}.olean</c> (and Lean's other per-module outputs: .ilean, .olean.*) into the stage.</summary>
        public void CopyIn(string fromDir, string module)
        {
            foreach (var file in Directory.GetFiles(fromDir, module + ".*").Where(f => !f.EndsWith(".lean", StringComparison.Ordinal)))
            {
                var target = Path.Combine(stageDir, Path.GetFileName(file));
                File.Copy(file, target, overwrite: true);
                hashes[target] = Hash(file);
            }
        }

        /// <summary>The first copied file whose content is no longer what was copied, or null.</summary>
        public string? Changed() =>
            hashes.Where(h => !File.Exists(h.Key) || Hash(h.Key) != h.Value).Select(h => Path.GetFileName(h.Key)).FirstOrDefault();

        private static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
    }

    /// <summary>Timeouts and deaths by signal: 134 is Lean's abort on stack overflow, 137 a kill (memory cap, OOM killer).</summary>
    internal static LeanOutcome? Abnormal(LeanRun run, string what)
    {
        var p = run.Process;
        if (p.TimedOut)
        {
            return new LeanOutcome(Verdict.Timeout, [Diagnostic.Error($"Lean did not finish {what} within the time limit of {p.Duration.TotalSeconds:0} s; the process tree was killed", null, "lean")]);
        }

        return p.ExitCode switch
        {
            134 => new LeanOutcome(Verdict.Failed, [Diagnostic.Error($"Lean aborted while checking {what} (exit 134, SIGABRT): most likely a stack overflow from deep recursion. {Excerpt(p.StandardError)}".TrimEnd(), null, "lean")]),
            137 => new LeanOutcome(Verdict.Failed, [Diagnostic.Error($"Lean was killed while checking {what} (exit 137, SIGKILL): most likely it exceeded the memory cap or the system ran out of memory", null, "lean")]),
            _ => null,
        };
    }

    private static string ImportHint(LeanMessage e, string moduleText)
    {
        var importLines = moduleText.Split('\n').TakeWhile(l => l.StartsWith("import ", StringComparison.Ordinal) || l.Length == 0).Count();
        return e.Line <= importLines
            ? $". Lean needs a Lake project whose dependencies are built: pass --lean-project DIR (or set {LeanDiscovery.ProjectVariable}) and run 'lake exe cache get' there."
            : string.Empty;
    }

    internal static Diagnostic ToDiagnostic(LeanMessage m, ExtractedLean extracted, int lineOffset) =>
        new(m.Severity, m.Headline, Span(m, extracted, lineOffset)) { Goal = m.Goal, Source = "lean" };

    /// <summary>Lean's position (1-based line of the module, 0-based code-point column) as a position in the model's answer.</summary>
    internal static SourceSpan Span(LeanMessage m, ExtractedLean extracted, int lineOffset)
    {
        int Map(int line) => extracted.ToAnswerLine(Math.Max(1, line - lineOffset));
        return new SourceSpan(Map(m.Line), m.Column + 1, m.EndLine is { } el ? Map(el) : null, m.EndColumn is { } ec ? ec + 1 : null);
    }

    internal static string Excerpt(string text)
    {
        var t = text.Trim();
        return t.Length > 400 ? t[..400] + "…" : t;
    }
}
