using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ProofCheck.Core;
using ProofCheck.Pipeline.Grading;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Server;

/// <summary>
/// <c>proofcheck serve</c>: the grader behind HTTP (Kestrel, minimal API). The checkers stay warm between requests;
/// a bounded queue keeps the service as fast as it says, a request's checks stop when its client goes away, and
/// every input that is not a valid request gets a 4xx with a clear message, never a stack trace.
/// </summary>
public sealed partial class GradingServer : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly ProblemSet _problems;
    private readonly Grader _grader;
    private readonly Admission _admission;
    private readonly HttpAccess _access;
    private readonly WebApplication _app;
    private long _graded;
    private long _cancelled;
    private long _refused;
    private long _timeLimited;

    private GradingServer(ServeOptions options, IReadOnlyDictionary<string, IProofChecker> checkers, ProblemSet problems)
    {
        _options = options;
        _problems = problems;
        _grader = new Grader(checkers, options.CheckTimeoutSeconds, options.Sandboxed);
        _admission = new Admission(options.Workers, options.QueueCapacity);
        _access = options.Access;
        _app = Build();
    }

    /// <summary>The address the service listens on (with the actual port when 0 was asked for).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening; throws <see cref="UserInputException"/> for unusable options or a port in use.</summary>
    public static async Task<GradingServer> StartAsync(ServeOptions options, IReadOnlyDictionary<string, IProofChecker> checkers, ProblemSet problems, CancellationToken cancellationToken)
    {
        options.Validate();
        var server = new GradingServer(options, checkers, problems);
        server.BaseAddress = await HttpHost.StartAsync(server._app, server._access, options.Port, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires or the host is told to stop (the host itself handles
    /// SIGTERM and Ctrl+C), then returns so the caller can dispose the server and its checkers.
    /// </summary>
    public Task WaitAsync(CancellationToken cancellationToken) => HttpHost.WaitAsync(_app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await HttpHost.StopAsync(_app).ConfigureAwait(false);
        _admission.Dispose();
    }

    private WebApplication Build()
    {
        var builder = HttpHost.Builder(_access, _options.Port);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = _options.MaxBodyBytes);
        var app = builder.Build();
        app.Use(async (http, next) =>
        {
            try
            {
                if (http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) && !_access.Authorized(http))
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    await WriteAsync(http, StatusCodes.Status401Unauthorized, new { error = "this service needs 'Authorization: Bearer TOKEN' (the token in the server's --token-file)" }).ConfigureAwait(false);
                    return;
                }

                if (http.Request.ContentLength > _options.MaxBodyBytes)
                {
                    await RefuseOversizeAsync(http).ConfigureAwait(false);
                    return;
                }

                await next(http).ConfigureAwait(false);
            }
            catch (Exception e) when (Refusal(http, e) is { } refusal)
            {
                if (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
                {
                    await WriteAsync(http, refusal.Status, new { error = refusal.Message }).ConfigureAwait(false);
                }
            }
        });
        app.MapGet("/health", Health);
        app.MapGet("/v1/problems", Problems);
        app.MapPost("/v1/grade", GradeAsync);
        app.MapPost("/v1/grade/batch", BatchAsync);
        return app;
    }

    private IResult Health() => Results.Json(
        new
        {
            status = "ok",
            targets = _grader.Targets.Order(StringComparer.Ordinal),
            problems = _problems.All.Count,
            workers = _admission.Workers,
            queue = new { capacity = _admission.Capacity, admitted = _admission.Admitted },
            graded = Interlocked.Read(ref _graded),
            cancelled = Interlocked.Read(ref _cancelled),
            refused = Interlocked.Read(ref _refused),
            timeLimited = Interlocked.Read(ref _timeLimited),
            timeLimitSeconds = _options.TimeLimit.TotalSeconds,
        },
        ApiJson.Options);

    private IResult Problems() => Results.Json(
        new
        {
            problems = _problems.All.Select(p => new
            {
                p.Id,
                p.Title,
                Targets = CheckTargets.Names.Where(t => Grader.Applies(p, t)),
                p.MainTheorem,
                Statement = p.StatementMarkdown,
                p.CoqStatement,
                p.LeanStatement,
                p.Tags,
                p.ParentId,
            }),
        },
        ApiJson.Options);

    private async Task GradeAsync(HttpContext http)
    {
        var job = GradeJob.From(await ReadAsync<GradeRequestBody>(http).ConfigureAwait(false), _problems);
        if (!Admit(http, 1))
        {
            await WriteFullAsync(http).ConfigureAwait(false);
            return;
        }

        var response = await _admission.RunAsync(() => RunAsync(job, http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
        var unavailable = response.UnavailableTargets;
        if (unavailable.Count > 0)
        {
            await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, new
            {
                error = $"this server cannot check {string.Join(", ", unavailable)} (its checker is missing or cannot run here); leave it out of \"targets\" (GET /health lists what it checks)",
                grade = response,
            }).ConfigureAwait(false);
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private async Task BatchAsync(HttpContext http)
    {
        var body = await ReadAsync<BatchRequestBody>(http).ConfigureAwait(false);
        if (body?.Items is not { Count: > 0 } items)
        {
            throw new UserInputException("a batch is {\"items\": [GRADE_REQUEST, …]} with at least one item.");
        }

        if (items.Count > _options.MaxBatch)
        {
            throw new UserInputException($"a batch holds at most {_options.MaxBatch} items (this one has {items.Count}); split it.");
        }

        var jobs = items.Select((item, i) => GradeJob.From(item, _problems, $"items[{i}]: ")).ToList();
        if (!Admit(http, jobs.Count))
        {
            await WriteFullAsync(http).ConfigureAwait(false);
            return;
        }

        var results = await Task.WhenAll(jobs.Select(job => _admission.RunAsync(() => RunAsync(job, http.RequestAborted), http.RequestAborted))).ConfigureAwait(false);
        await WriteAsync(http, StatusCodes.Status200OK, new { results }).ConfigureAwait(false);
    }

    /// <summary>One grade under the time limit; the client going away cancels it (and with it every checker process it started).</summary>
    private async Task<GradeResponse> RunAsync(GradeJob job, CancellationToken clientGone)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        limit.CancelAfter(_options.TimeLimit);
        var watch = Stopwatch.StartNew();
        Grade grade;
        try
        {
            grade = await _grader.GradeAsync(job.Problem, job.Completion, job.Targets, job.Reward, job.FinishReason, limit.Token, job.StatementVetted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!clientGone.IsCancellationRequested)
        {
            Interlocked.Increment(ref _timeLimited);
            grade = Grader.Unchecked(job.Targets, job.Reward, GradeReasons.TimeLimit, $"The checks did not finish within this service's time limit of {_options.TimeLimit.TotalSeconds:0.#} s and were stopped.", Verdict.Timeout);
        }

        Interlocked.Increment(ref _graded);
        return new GradeResponse(job.Id, grade.Reward, grade.Reason, grade.Verdicts, grade.Targets, watch.ElapsedMilliseconds);
    }

    private bool Admit(HttpContext http, int count)
    {
        if (_admission.TryAdmit(count))
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        http.Response.Headers.RetryAfter = _admission.RetryAfterSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    private static Task WriteFullAsync(HttpContext http) => WriteAsync(http, StatusCodes.Status503ServiceUnavailable, new
    {
        error = "the grading queue is full; try again after the number of seconds in the Retry-After header",
    });

    private static async Task<T?> ReadAsync<T>(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, ApiJson.Options, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new UserInputException(JsonProblem(e));
        }
    }

    /// <summary>
    /// Answers 413 to a body that announces itself too large. Most HTTP clients (Python's requests, .NET's
    /// HttpClient) upload the whole body before they read any answer; if the server answered and closed first,
    /// they would report a broken pipe and the 413 would be lost. So the body is read and thrown away first, up
    /// to <see cref="OversizeDrainFactor"/> times the limit; a client that sent 'Expect: 100-continue' never sends
    /// the body, and one far over the bound is cut off rather than read.
    /// </summary>
    private async Task RefuseOversizeAsync(HttpContext http)
    {
        var length = http.Request.ContentLength!.Value;
        var expectsContinue = http.Request.Headers.Expect.Any(v => string.Equals(v, "100-continue", StringComparison.OrdinalIgnoreCase));
        if (!expectsContinue && length <= _options.MaxBodyBytes * OversizeDrainFactor
            && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted).ConfigureAwait(false);
        }

        http.Response.Headers.Connection = "close";
        await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, new { error = OversizeMessage }).ConfigureAwait(false);
    }

    private const long OversizeDrainFactor = 8;

    private string OversizeMessage => $"the request body is larger than this service's limit of {_options.MaxBodyBytes} bytes";

    private static Task WriteAsync<T>(HttpContext http, int status, T value)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(value, ApiJson.Options, http.RequestAborted);
    }

    /// <summary>What an exception means for the client: bad input (400), a body over the limit (413), or an internal error (500, logged, no details).</summary>
    private (int Status, string Message)? Refusal(HttpContext http, Exception e)
    {
        switch (e)
        {
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                Interlocked.Increment(ref _cancelled);
                return (499, "cancelled");
            case UserInputException:
                return (StatusCodes.Status400BadRequest, e.Message);
            case BadHttpRequestException b:
                return b.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? (b.StatusCode, OversizeMessage)
                    : (b.StatusCode, $"bad request: {b.Message}");
            default:
                Console.Error.WriteLine($"proofcheck serve: internal error on {http.Request.Method} {http.Request.Path}: {e.GetType().Name}: {e.Message}");
                return (StatusCodes.Status500InternalServerError, "internal error in the grading service (logged on the server)");
        }
    }

    /// <summary>A JSON error in the client's terms: where in the body and what was expected, without .NET type names.</summary>
    internal static string JsonProblem(JsonException e)
    {
        var message = e.Message;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            return $"unknown field '{unmapped.Groups[1].Value}' (fields: problem, statement, completion, targets, reward, finishReason, id; a batch has items; a reward object has kind, failureReward, cheatPenalty, refutedCost, assumptionCost)";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        message = message
            .Replace("System.Collections.Generic.IReadOnlyList`1[System.String]", "a list of strings", StringComparison.Ordinal)
            .Replace("System.String", "a string", StringComparison.Ordinal)
            .Replace("System.Double", "a number", StringComparison.Ordinal);
        message = TypeName().Replace(message, "an object");
        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
        return $"the body is not a valid request at {e.Path ?? "$"}{line}: {message}";
    }

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"(System|ProofCheck)\.[A-Za-z0-9_.`\[\]]+")]
    private static partial Regex TypeName();
}

/// <summary>The answer to one grade: the reward and reason first, then the verdict and the full report per target.</summary>
internal sealed record GradeResponse(
    JsonElement? Id,
    double Reward,
    string Reason,
    IReadOnlyDictionary<string, string> Verdicts,
    IReadOnlyDictionary<string, CheckReport> Targets,
    long Ms)
{
    /// <summary>The requested targets whose checker could not run: such a grade says nothing about the answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> UnavailableTargets =>
        [.. Targets.Where(t => t.Value.Verdict == Verdict.CheckerUnavailable).Select(t => t.Key)];
}
