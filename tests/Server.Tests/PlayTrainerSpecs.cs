using System.Diagnostics;
using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary>The RL examples, run as a trainer would run them, against the real service.</summary>
public sealed class PlayTrainerSpecs(SharedService service) : IClassFixture<SharedService>
{
    [RequiresToolFact("python3")]
    public async Task The_TRL_verl_and_OpenRLHF_reward_functions_rank_honest_above_failure_above_cheat()
    {
        var script = Path.Combine(RepoPaths.Root, "examples", "rl", "play_trainer.py");
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--url");
        info.ArgumentList.Add(service.Harness.Server.BaseAddress.ToString());
        using var python = Process.Start(info)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await python.WaitForExitAsync(limit.Token);

        var text = await output + await errors;
        Assert.True(python.ExitCode == 0, text);
        Assert.Contains("all rewards as expected", text, StringComparison.Ordinal);
    }
}
