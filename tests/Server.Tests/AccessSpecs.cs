using System.Net;
using ProofCheck.Core;

namespace ProofCheck.Server.Tests;

/// <summary>Loopback by default; anything reachable from other machines needs a bearer token.</summary>
public sealed class AccessSpecs
{
    private const string Token = "a-long-random-secret-for-the-specs";

    [Fact]
    public async Task With_a_token_only_requests_carrying_it_are_graded()
    {
        await using var api = await ServiceHarness.StartAsync(new ServeOptions { Token = Token });
        var request = new { problem = "gauss-sum", completion = "", targets = new[] { "smt" } };

        var (none, _, noneResponse) = await api.PostAsync("/v1/grade", request);
        var (wrong, _, _) = await api.PostAsync("/v1/grade", request, token: Token + "x");
        var (right, body, _) = await api.PostAsync("/v1/grade", request, token: Token);

        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal("Bearer", noneResponse.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal("empty", body.GetProperty("reason").GetString());
    }

    [Fact]
    public void Binding_beyond_loopback_without_a_token_is_refused()
    {
        var e = Assert.Throws<UserInputException>(() => new ServeOptions { Host = "0.0.0.0" }.Validate());

        Assert.Contains("--token-file", e.Message, StringComparison.Ordinal);
        new ServeOptions { Host = "0.0.0.0", Token = Token }.Validate();
        new ServeOptions { Host = "::1" }.Validate();
    }

    [Fact]
    public async Task The_default_bind_is_loopback()
    {
        await using var api = await ServiceHarness.StartAsync();

        Assert.Equal("127.0.0.1", api.Server.BaseAddress.Host);
    }
}
