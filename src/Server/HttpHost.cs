using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using ProofCheck.Core;

namespace ProofCheck.Server;

/// <summary>The Kestrel host every HTTP command shares: bound where its <see cref="HttpAccess"/> says, quiet, stopped within seconds.</summary>
internal static class HttpHost
{
    public static WebApplicationBuilder Builder(HttpAccess access, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(access.Address, port);
        });
        return builder;
    }

    /// <summary>Starts listening and returns the address (with the actual port when 0 was asked for); a port in use is a user error.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, HttpAccess access, int port, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new UserInputException($"Cannot listen on {access.Host}:{port}: {e.Message}", e);
        }

        return new Uri(app.Urls.First().Replace("[::]", "[::1]", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> fires or the host is told to stop (the host itself handles
    /// SIGTERM and Ctrl+C), then returns so the caller can dispose what it serves.
    /// </summary>
    public static async Task WaitAsync(WebApplication app, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static async Task StopAsync(WebApplication app)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }
}
