using Microsoft.Extensions.AI;
using ProofCheck.Core;
using ProofCheck.Pipeline.Prompts;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>What every sample of one run shares.</summary>
internal sealed record RunContext(
    RunInfo Run,
    RunStore Store,
    IChatClient Model,
    ICheckDispatcher Checks,
    PromptLibrary Prompts,
    IRunObserver Observer,
    SemaphoreSlim ModelGate);
