using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hangfire;
using ProofCheck.Core;
using ProofCheck.Distributed;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary>
/// <c>proofcheck dashboard</c> over real HTTP against a real PostgreSQL store: Hangfire's pages show the check queues;
/// beyond loopback it needs the token and is read-only.
/// </summary>
public sealed class DashboardSpecs
{
    private const string Token = "a-long-random-secret-for-the-specs";

    [RequiresPostgresFact]
    public async Task On_loopback_the_dashboard_shows_the_smt_and_coq_queues_with_their_checks()
    {
        using var db = PostgresServer.CreateDatabase();
        var storage = JobQueues.Storage(db.Url);
        var client = new BackgroundJobClient(storage);
        CheckJob.Enqueue(client, "run-1", new ArtifactRecord("gauss-sum", 0, "smt", 0, string.Empty, true));
        var coqJob = CheckJob.Enqueue(client, "run-1", new ArtifactRecord("gauss-sum", 0, "coq", 1, string.Empty, true));
        await using var dashboard = await JobDashboard.StartAsync(db.Url, new HttpAccess("127.0.0.1", null), 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var (overview, overviewPage) = await GetAsync(http, "/");
        var (queues, queuesPage) = await GetAsync(http, "/jobs/enqueued");
        var (_, coqPage) = await GetAsync(http, "/jobs/enqueued/coq");
        using var deleted = await http.PostAsync(new Uri("/jobs/enqueued/delete", UriKind.Relative), Form(coqJob));

        Assert.Equal(HttpStatusCode.OK, overview);
        Assert.Contains("ProofCheck jobs", overviewPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, queues);
        Assert.Contains("/jobs/enqueued/smt\"", queuesPage, StringComparison.Ordinal);
        Assert.Contains("/jobs/enqueued/coq\"", queuesPage, StringComparison.Ordinal);
        Assert.Contains("coq check of gauss-sum sample 0 round 1 (run run-1)", coqPage, StringComparison.Ordinal);
        Assert.False(dashboard.ReadOnly);
        Assert.True(deleted.IsSuccessStatusCode, $"deleting on loopback: {deleted.StatusCode}");
        Assert.Equal("Deleted", State(storage, coqJob));
    }

    [Fact]
    public async Task Beyond_loopback_without_a_token_the_dashboard_is_refused_before_it_binds()
    {
        var e = await Assert.ThrowsAsync<UserInputException>(() =>
            JobDashboard.StartAsync("postgres://nobody@127.0.0.1:1/none", new HttpAccess("0.0.0.0", null), 0, CancellationToken.None));

        Assert.Contains("--host 0.0.0.0 is reachable from other machines: pass --token-file FILE", e.Message, StringComparison.Ordinal);
    }

    [RequiresPostgresFact]
    public async Task Beyond_loopback_only_the_token_opens_it_and_no_job_can_be_changed()
    {
        using var db = PostgresServer.CreateDatabase();
        var storage = JobQueues.Storage(db.Url);
        var jobId = CheckJob.Enqueue(new BackgroundJobClient(storage), "run-1", new ArtifactRecord("gauss-sum", 0, "smt", 0, string.Empty, true));
        await using var dashboard = await JobDashboard.StartAsync(db.Url, new HttpAccess("0.0.0.0", Token), 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboard.BaseAddress.Port}/") };

        using var none = await http.GetAsync(new Uri("/jobs/enqueued/smt", UriKind.Relative));
        var (wrong, _) = await GetAsync(http, "/jobs/enqueued/smt", Basic("me", Token + "x"));
        var (right, page) = await GetAsync(http, "/jobs/enqueued/smt", Basic("me", Token));
        var (bearer, _) = await GetAsync(http, "/jobs/enqueued/smt", new AuthenticationHeaderValue("Bearer", Token));
        using var delete = new HttpRequestMessage(HttpMethod.Post, "/jobs/enqueued/delete") { Content = Form(jobId) };
        delete.Headers.Authorization = Basic("me", Token);
        using var deleted = await http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal(HttpStatusCode.OK, bearer);
        Assert.Contains("smt check of gauss-sum sample 0 round 0", page, StringComparison.Ordinal);
        Assert.True(dashboard.ReadOnly);
        Assert.False(deleted.IsSuccessStatusCode, $"a read-only dashboard deleted a job ({deleted.StatusCode})");
        Assert.Equal("Enqueued", State(storage, jobId));
    }

    private static string? State(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    // The form the dashboard's "Delete selected" button posts.
    private static FormUrlEncodedContent Form(string jobId) => new([new("jobs[]", jobId)]);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
