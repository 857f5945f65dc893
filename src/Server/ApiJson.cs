using System.Text.Json;
using ProofCheck.Core;

namespace ProofCheck.Server;

/// <summary>The service's JSON: the reports' own shape (camelCase, verdicts as strings), one object per response.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(ReportJson.Options) { WriteIndented = false };
}
