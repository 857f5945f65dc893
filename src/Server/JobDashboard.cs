using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProofCheck.Core;
using ProofCheck.Distributed;

namespace ProofCheck.Server;

/// <summary>
/// <c>proofcheck dashboard</c>: Hangfire's dashboard over the job queues of a distributed run store (queues, jobs in
/// flight, failures and their retries, the living workers). On loopback it is Hangfire's full dashboard; on an address
/// other machines can reach it needs the token (<see cref="HttpAccess"/>) and is read-only, so a leaked token shows
/// the queues but cannot delete or requeue jobs.
/// </summary>
public sealed class JobDashboard : IAsyncDisposable
{
    /// <summary>How a browser presents the token: HTTP Basic, which it asks for by itself.</summary>
    public const string HowToSendToken = "a secret the browser then asks for: any user name, the token as password";

    private readonly WebApplication _app;

    private JobDashboard(WebApplication app, bool readOnly)
    {
        _app = app;
        ReadOnly = readOnly;
    }

    /// <summary>The address the dashboard listens on (with the actual port when 0 was asked for).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether jobs can only be looked at (any address other machines can reach).</summary>
    public bool ReadOnly { get; }

    /// <summary>Serves the dashboard of <paramref name="store"/> (a <c>postgres://</c> URL); unusable options are a user error before anything binds.</summary>
    public static async Task<JobDashboard> StartAsync(string store, HttpAccess access, int port, CancellationToken cancellationToken)
    {
        access.Validate(HowToSendToken);
        if (port is < 0 or > 65535)
        {
            throw new UserInputException("--port must be between 0 and 65535.");
        }

        var storage = JobQueues.Storage(store);
        var builder = HttpHost.Builder(access, port);
        // What the dashboard looks up: its routes, and the marker that Hangfire is configured. Not AddHangfire: that
        // points Hangfire's process-wide logging at this host's logger factory, and once the host is disposed every
        // later Hangfire client in the process fails (seen in the specs). The storage is handed to the dashboard itself.
        builder.Services.AddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
        builder.Services.AddSingleton(DashboardRoutes.Routes);
        var app = builder.Build();
        app.Use(async (http, next) =>
        {
            if (!access.Authorized(http, acceptBasic: true))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"proofcheck dashboard\", charset=\"UTF-8\"";
                await http.Response.WriteAsync("This dashboard needs its token: any user name, the token in the dashboard's --token-file as password.\n", http.RequestAborted).ConfigureAwait(false);
                return;
            }

            await next(http).ConfigureAwait(false);
        });
        var readOnly = !access.IsLoopback;
        app.UseHangfireDashboard("", new DashboardOptions
        {
            DashboardTitle = "ProofCheck jobs",
            AppPath = null,
            // The connection string names the database server; nobody needs it on this page.
            DisplayStorageConnectionString = false,
            // Loopback without a token: Hangfire's own rule (local requests only) stays as a second fence. With a
            // token, the middleware above has already let only its holders through, from anywhere.
            Authorization = access.HasToken ? [] : [new LocalRequestsOnlyAuthorizationFilter()],
            IsReadOnlyFunc = _ => readOnly,
        }, storage);
        var dashboard = new JobDashboard(app, readOnly);
        dashboard.BaseAddress = await HttpHost.StartAsync(app, access, port, cancellationToken).ConfigureAwait(false);
        return dashboard;
    }

    /// <inheritdoc cref="HttpHost.WaitAsync"/>
    public Task WaitAsync(CancellationToken cancellationToken) => HttpHost.WaitAsync(_app, cancellationToken);

    public ValueTask DisposeAsync() => new(HttpHost.StopAsync(_app));
}
