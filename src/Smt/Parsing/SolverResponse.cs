namespace ProofCheck.Smt.Parsing;

/// <summary>One answer a solver printed, as the grammar's <c>response</c> rule read it.</summary>
internal abstract record SolverResponse
{
    /// <summary><c>sat</c>, <c>unsat</c>, <c>unknown</c> or <c>timeout</c>.</summary>
    public sealed record CheckSat(string Answer) : SolverResponse;

    /// <summary><c>(error "...")</c>.</summary>
    public sealed record Error(string Message) : SolverResponse;

    /// <summary>The output of <c>get-model</c>: only the definitions, in the order printed.</summary>
    public sealed record Model(IReadOnlyList<ModelDefinition> Definitions) : SolverResponse;

    /// <summary>The output of <c>get-info</c>: keyword (without the colon) to value text.</summary>
    public sealed record Info(IReadOnlyDictionary<string, string> Values) : SolverResponse;

    /// <summary>Anything else on a line of its own: an echoed sentinel, <c>unsupported</c>, <c>success</c>.</summary>
    public sealed record Word(string Text) : SolverResponse;
}

/// <summary>One <c>define-fun</c> of a model: a constant when <see cref="Parameters"/> is empty.</summary>
/// <param name="Value">The value term in a readable form (<c>-3</c>, <c>-1/2</c>, or the term as printed).</param>
/// <param name="Source">The whole <c>(define-fun …)</c> as printed, for checking the model by evaluation.</param>
internal sealed record ModelDefinition(string Name, IReadOnlyList<string> Parameters, string Value, string Source = "");
