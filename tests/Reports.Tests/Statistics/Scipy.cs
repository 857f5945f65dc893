using System.Diagnostics;
using System.Text.Json;

namespace ProofCheck.Reports.Tests.Statistics;

/// <summary>
/// The independent oracle: Debian's python3 with python3-scipy (tools/setup.sh installs it). A script prints one
/// JSON value; the tests compare the report's statistics with it.
/// </summary>
internal static class Scipy
{
    // The system interpreter: a user-level python3 earlier on PATH may lack Debian's scipy.
    private const string Python = "/usr/bin/python3";

    public static JsonElement Run(string script)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; tools/setup.sh installs python3 and python3-scipy.");
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        process.StandardInput.Write("import json, math\nimport numpy as np\nimport scipy.stats as st\nfrom math import comb\n" + script);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"The scipy oracle failed (is python3-scipy installed? tools/setup.sh installs it):\n{stderr}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
