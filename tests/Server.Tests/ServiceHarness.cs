using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Smt;
using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary>A real grading service on a free loopback port, over the real checkers and the repository's problems.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private static readonly Lazy<ProblemSet> Problems = new(() => ProblemSet.Load(RepoPaths.Problems));

    private readonly SmtChecker _smt;

    private ServiceHarness(GradingServer server, HttpClient client, SmtChecker smt)
    {
        Server = server;
        Client = client;
        _smt = smt;
    }

    public GradingServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<ServiceHarness> StartAsync(ServeOptions? options = null)
    {
        var smt = new SmtChecker();
        var checkers = new Dictionary<string, IProofChecker>
        {
            ["coq"] = new Coq.CoqChecker(),
            ["lean"] = new LeanBridge.LeanProofChecker(),
            ["smt"] = smt,
        };
        var server = await GradingServer.StartAsync((options ?? new ServeOptions()) with { Port = 0 }, checkers, Problems.Value, CancellationToken.None);
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        return new ServiceHarness(server, client, smt);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string path, object body, string? token = null, CancellationToken cancellationToken = default) =>
        await SendRawAsync(path, JsonSerializer.Serialize(body, ReportJson.Options), token, cancellationToken);

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendRawAsync(string path, string json, string? token = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await Client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var parsed = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, parsed, response);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var text = await Client.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await _smt.DisposeAsync();
    }
}

/// <summary>One service shared by the specs that need no special settings (the checkers stay warm, as in use).</summary>
public sealed class SharedService : IAsyncLifetime
{
    public ServiceHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
