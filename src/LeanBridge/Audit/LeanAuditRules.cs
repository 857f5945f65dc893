namespace ProofCheck.LeanBridge.Audit;

/// <summary>
/// The rules of the Lean static audit, each with the reason it exists (src/LeanBridge/README.md explains them at
/// length). Identifiers are the rule names reported in findings.
/// </summary>
public static class LeanAuditRules
{
    public const string Sorry = "sorry";
    public const string Axiom = "axiom";
    public const string Exit = "exit";
    public const string RunsCode = "runs-code";
    public const string NativeCode = "native-code";
    public const string Implementation = "implementation-override";
    public const string Unsafe = "unsafe";
    public const string Partial = "partial-proof";
    public const string Option = "set-option";
    public const string ExtendsSyntax = "extends-syntax";
    public const string AttributeRule = "attribute";
    public const string Initialize = "initialize";
    public const string Import = "import";
    public const string PrivateAccess = "open-private";
    public const string ReadsFiles = "reads-files";
    public const string Unterminated = "unterminated";
    public const string ModuleHeader = "module-header";
    public const string Homoglyph = "homoglyph";

    /// <summary>Rule name → why the construct is forbidden.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        [Sorry] = "sorry/admit (or sorryAx, lcProof, or the stop tactic) leaves a goal unproved; Lean only warns about it.",
        [Axiom] = "a new axiom can assert anything, including False.",
        [Exit] = "#exit stops Lean reading the file, so later commands (and checks) never run.",
        [RunsCode] = "the command runs arbitrary code while the file is checked (it can write files, forge output or rewrite the environment without the kernel).",
        [NativeCode] = "native_decide / ofReduceBool / bv_decide trust compiled code instead of the kernel (allowed only when the problem allows the axiom Lean.ofReduceBool).",
        [Implementation] = "implemented_by / extern / csimp make compiled code differ from the logical definition.",
        [Unsafe] = "unsafe code escapes the kernel's checks and can run anything.",
        [Partial] = "a partial definition whose type is a proposition is opaque: it can stand in for a proof that was never given.",
        [Option] = "only options that cannot change what is proved may be set (src/LeanBridge/README.md lists them); debug.* can switch off the kernel, warn.sorry hides sorry, compiler.*/interpreter.* change what compiled code does.",
        [ExtendsSyntax] = "helper code may not extend the language: new syntax, notations and macros can change what the statement or even #print axioms means (a notation with plain symbols is allowed: src/LeanBridge/README.md says which).",
        [AttributeRule] = "only attributes from an allowlist may be used; others register elaborators, compiled implementations or code that runs.",
        [Initialize] = "initialize blocks run arbitrary code whenever the module is imported (including by the checker).",
        [Import] = "imports are limited to the problem's allowlist (and must all stand in the header).",
        [PrivateAccess] = "open private exposes internals of Lean (e.g. the unchecked environment) to the submission.",
        [ReadsFiles] = "include_str reads files of the checking machine at elaboration time.",
        [Unterminated] = "an unterminated comment or string makes Lean ignore the rest of the file.",
        [ModuleHeader] = "a prelude header (or `module` anywhere but the first line) changes the environment the statement is read in.",
        [Homoglyph] = "a letter Lean does not accept in identifiers (a Cyrillic or full-width look-alike of a Latin letter) makes a name look like another one.",
    };

    /// <summary>
    /// Options a submission may set (exact names, or prefixes ending in '.'): resource limits (the checker's own
    /// wall-clock and memory limits bound a check, so any value is fine), printing, tracing, linters and elaboration
    /// conveniences. None of them reaches the kernel or the axiom report, and gate (b) elaborates the canonical
    /// statement without them.
    /// </summary>
    public static IReadOnlyList<string> AllowedOptions { get; } =
    [
        "maxHeartbeats", "maxRecDepth", "maxSynthPendingDepth", "synthInstance.", "autoImplicit", "relaxedAutoImplicit",
        "linter.", "pp.", "trace.", "exponentiation.threshold", "profiler", "profiler.", "diagnostics", "diagnostics.",
        "tactic.hygienic", "push_neg.use_distrib", "simprocs", "Elab.async", "grind.warning", "maxErrors", "warningAsError",
        "showInaccessibleNames", "format.", "says.", "aesop.",
    ];

    /// <summary>Option families refused with their own reason (they are not on the allowlist either).</summary>
    public static IReadOnlyDictionary<string, string> RefusedOptionReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["debug."] = "debug.* options can switch off the kernel's checks (debug.skipKernelTC).",
        ["interpreter."] = "interpreter.* options change which code runs during elaboration (compiled or interpreted).",
        ["compiler."] = "compiler.* options change what compiled code does, which native evaluation would trust.",
        ["warn.sorry"] = "warn.sorry false hides the warning that a proof uses sorry.",
        ["bootstrap."] = "bootstrap.* options change which auxiliary declarations Lean generates.",
    };

    /// <summary>Attributes a submission may use: they only guide simp, instances, reducibility, elimination or printing.</summary>
    public static IReadOnlySet<string> AllowedAttributes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "simp", "reducible", "irreducible", "semireducible", "instance", "ext", "nolint", "inline", "specialize",
        "congr", "trans", "symm", "refl", "norm_cast", "push_cast", "mono", "gcongr", "induction_eliminator",
        "cases_eliminator", "match_pattern", "elab_as_elim", "pp_nodot", "class", "default_instance", "coe", "simps",
        "fun_prop", "field_simps", "grind", "positivity_extension_free", "expose", "nospecialize", "no_expose", "local", "scoped", "high", "low",
        "mid", "default", "seval", "zify_simps", "qify_simps", "bound", "continuity", "measurability", "fun_prop",
        // Mathlib's lemma generators and annotations: mk_iff states and proves an `↔` lemma for an inductive
        // predicate, to_additive/reassoc derive variants of a lemma (all checked by the kernel); deprecated and
        // inherit_doc only add a warning or a doc string.
        "mk_iff", "deprecated", "to_additive", "reassoc", "inherit_doc", "nontriviality", "mfld_simps",
    };

    /// <summary>Identifiers that mean a hole in the proof.</summary>
    public static IReadOnlySet<string> SorryNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "sorry", "admit", "sorryAx", "lcProof" };

    /// <summary>#-commands that only check or annotate: #check elaborates a term and prints its type; Mathlib's
    /// (old) #align family records port names and does nothing else.</summary>
    public static IReadOnlySet<string> HarmlessHashCommands { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "#check", "#check_failure", "#align", "#align_import", "#noalign",
    };

    /// <summary>The axiom whose presence in a problem's allowed axioms allows native evaluation.</summary>
    public const string NativeAxiom = "Lean.ofReduceBool";

    /// <summary>Identifiers (last name component) that trust compiled code.</summary>
    public static IReadOnlySet<string> NativeNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "native_decide", "ofReduceBool", "ofReduceNat", "trustCompiler", "bv_decide", "reduceBool", "reduceNat",
    };

    /// <summary>Command-like identifiers (from Mathlib/Batteries) that define code or syntax.</summary>
    public static IReadOnlySet<string> SyntaxIdentifiers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "notation3", "simproc", "dsimproc", "simproc_decl", "dsimproc_decl", "builtin_simproc", "builtin_dsimproc",
        "tactic_extension", "register_tactic_tag", "register_simp_attr", "register_error_explanation", "binder_predicate",
    };
}
