using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>What a run reports as it goes, for a progress view. Called from several workers at once.</summary>
public interface IRunObserver
{
    /// <summary>A worker started a stage ("prove", "formalize", "check", "repair") of one sample.</summary>
    void StageStarted(int worker, string problemId, int sample, string stage, string target, int round);

    /// <summary>A model exchange was stored; <paramref name="reused"/> is true when a resumed run found it already done.</summary>
    void AttemptRecorded(AttemptRecord attempt, bool reused);

    void CheckRecorded(CheckRecord check, bool reused);

    /// <summary>A sample finished, with the final verdict of each of its targets.</summary>
    void SampleFinished(int worker, string problemId, int sample, IReadOnlyDictionary<string, Verdict> verdicts);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void StageStarted(int worker, string problemId, int sample, string stage, string target, int round)
    {
    }

    public void AttemptRecorded(AttemptRecord attempt, bool reused)
    {
    }

    public void CheckRecorded(CheckRecord check, bool reused)
    {
    }

    public void SampleFinished(int worker, string problemId, int sample, IReadOnlyDictionary<string, Verdict> verdicts)
    {
    }
}
