namespace ProofCheck.Coq.Audit;

/// <summary>One rule of the Coq audit: a name for reports and why breaking it makes a check meaningless.</summary>
internal sealed record AuditRule(string Name, string Looks, string Reason)
{
    public override string ToString() => $"{Name}: {Looks}";
}

/// <summary>The audit's rules, in the order they are reported (documented in src/Coq/README.md).</summary>
internal static class AuditRules
{
    public static readonly AuditRule Admitted = new(
        "admitted",
        "Admitted, admit, give_up, Admit Obligations anywhere in code",
        "these end or skip a proof without proving it");

    public static readonly AuditRule Assumption = new(
        "assumption",
        "Axiom(s), Parameter(s), Conjecture(s) outside a Module Type, Declare Instance/Module; Variable(s), Hypothesis/Hypotheses, Context outside a Section",
        "each asserts something without proof (outside a Section, a Variable is a global axiom)");

    public static readonly AuditRule KernelBypass = new(
        "kernel-bypass",
        "Unset/Set Guard, Positivity or Universe Checking; the bypass_check attribute; Primitive; Register",
        "these switch off the kernel checks that make a proof a proof, or make the kernel trust a declaration");

    public static readonly AuditRule LoadsCode = new(
        "loads-code",
        "Declare ML Module, Load, Add (Rec) LoadPath, Add ML Path, Remove LoadPath, Cd",
        "these run code or read files from outside the checked text");

    public static readonly AuditRule Require = new(
        "require",
        "Require of a library outside the standard library and the problem's allowlist",
        "a library the checker cannot vouch for can contain axioms or plugins");

    public static readonly AuditRule Extraction = new(
        "extraction",
        "Extraction commands (Extraction, Recursive/Separate Extraction, Extract Constant/Inductive…)",
        "they write files and are never part of a proof");

    public static readonly AuditRule OutputAndState = new(
        "output-and-state",
        "Redirect, Drop, Quit, Back, BackTo, Reset, Restore State, Write State",
        "these write files, leave the toplevel, or rewind the environment the audit has read");

    public static readonly AuditRule Characters = new(
        "characters",
        "in code, invisible or format characters, non-ASCII spaces, controls, combining marks, and letters that copy Latin ones (Cyrillic, Armenian, Cherokee, fullwidth, mathematical alphanumerics)",
        "invisible or lookalike characters can make code read differently from what coqc runs");

    public static readonly AuditRule Reading = new(
        "reading",
        "the audit splits the file into the same sentences as coqc (coqc -time is the reference); no notation symbol containing (*, *) or a quote; no Fail/Succeed around Section, Module or End",
        "code the audit reads differently from coqc (a comment to one, code to the other) escapes every other rule");

    public static readonly AuditRule StatementTokens = new(
        "statement-tokens",
        "the main theorem is stated at top level, token for token as in the canonical statement",
        "the statement is not the model's to choose");

    public static readonly AuditRule StatementMeaning = new(
        "statement-meaning",
        "in a clean context, the main theorem's type is the canonical statement's (catches notations, shadowing, scopes)",
        "the same tokens can mean something else under the submission's own definitions");

    public static readonly AuditRule Assumptions = new(
        "assumptions",
        "Print Assumptions of the main theorem is closed, or lists only the problem's allowed axioms",
        "a proof that rests on an extra axiom, or on a fixpoint or type assumed guarded or positive, proves nothing");

    /// <summary>The rules run on the text before coqc (the reading rule's comparison with coqc runs after it compiled).</summary>
    public static IReadOnlyList<AuditRule> TextRules { get; } =
        [Admitted, Assumption, KernelBypass, LoadsCode, Require, Extraction, OutputAndState, Characters, Reading];
}
