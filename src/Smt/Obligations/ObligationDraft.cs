using ProofCheck.Core;

namespace ProofCheck.Smt.Obligations;

/// <summary>The commands between two <c>(reset)</c>s, before the safe-subset validation.</summary>
internal sealed record ObligationDraft(int Number, string Label, SourceSpan Span, IReadOnlyList<ScriptCommand> Commands);
