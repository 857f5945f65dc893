using System.Net;

namespace ProofCheck.Server.Tests;

/// <summary>Every input that is not a valid request gets a 4xx with a message naming what is wrong; never a 500 or a stack trace.</summary>
public sealed class InputSpecs(SharedService service) : IClassFixture<SharedService>
{
    private ServiceHarness Api => service.Harness;

    [Theory]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": ", "not a valid request")]
    [InlineData("", "not a valid request")]
    [InlineData("[1, 2]", "not a valid request")]
    [InlineData("null", "\\\"completion\\\"")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": 5}", "$.completion")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completon\": \"x\"}", "unknown field 'completon'")]
    [InlineData("{\"problem\": \"gauss-sum\"}", "\"completion\" is missing")]
    [InlineData("{\"completion\": \"x\"}", "\"problem\" or \"statement\" is required")]
    [InlineData("{\"problem\": \"gauss-sm\", \"completion\": \"x\"}", "Did you mean: gauss-sum")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": \"x\", \"targets\": [\"isabelle\"]}", "unknown target 'isabelle'")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": \"x\", \"targets\": []}", "\"targets\" is empty")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": \"x\", \"reward\": \"lenient\"}", "Unknown reward 'lenient'")]
    [InlineData("{\"problem\": \"gauss-sum\", \"completion\": \"x\", \"reward\": {\"kind\": \"binary\", \"cheatPenalty\": 0.5}}", "cheating is as good a bet")]
    [InlineData("{\"statement\": {\"lean\": \"theorem t : True := by sorry\"}, \"completion\": \"x\", \"targets\": [\"coq\"]}", "has no coq statement")]
    [InlineData("{\"statement\": {\"coq\": \"Definition x := 1.\"}, \"completion\": \"x\", \"targets\": [\"coq\"]}", "\"statement\"")]
    public async Task A_bad_request_is_400_with_a_clear_message(string json, string expected)
    {
        var (status, body, response) = await Api.SendRawAsync("/v1/grade", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error").GetString()!;
        Assert.Contains(expected.Replace("\\\"", "\"", StringComparison.Ordinal), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var completion = new string('x', 2 * 1024 * 1024);

        var (status, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_asks_to_continue_gets_413_without_sending_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/grade") { Content = new StringContent(new string('x', 2 * 1024 * 1024)) };
        request.Headers.ExpectContinue = true;

        using var response = await Api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_item_error_names_the_item()
    {
        var json = "{\"items\": [{\"problem\": \"gauss-sum\", \"completion\": \"\"}, {\"problem\": \"nope\", \"completion\": \"\"}]}";

        var (status, body, _) = await Api.SendRawAsync("/v1/grade/batch", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("items[1]: ", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"items\": []}")]
    [InlineData("{}")]
    public async Task An_empty_batch_is_400(string json)
    {
        var (status, _, _) = await Api.SendRawAsync("/v1/grade/batch", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_batch_over_the_item_limit_is_400()
    {
        var items = Enumerable.Range(0, new ServeOptions().MaxBatch + 1).Select(_ => new { problem = "gauss-sum", completion = "" });

        var (status, body, _) = await Api.PostAsync("/v1/grade/batch", new { items });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
