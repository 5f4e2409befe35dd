using System.Diagnostics;
using System.Text.Json;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Hosting;

/// <summary>
/// The single HTTP entry point for IAM, STS and Organizations: picks the service, authenticates with SigV4,
/// dispatches to the registered handler and writes the answer in the service's protocol.
/// </summary>
public sealed class AwsEndpoint(
    HandlerRegistry handlers,
    SigV4Verifier verifier,
    TimeProvider clock,
    ILogger<AwsEndpoint> logger,
    IEnumerable<IRequestObserver> observers,
    long maxBodyBytes,
    bool accessLog = false)
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    private static readonly byte[] HealthBody = """{"status":"ok"}"""u8.ToArray();

    private readonly IRequestObserver[] _observers = observers.ToArray();

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) && request.Path == "/health")
        {
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(HealthBody, http.RequestAborted);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var receivedAt = clock.GetUtcNow();
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers[RequestIdHeader] = requestId;
        var call = new CallState(requestId, receivedAt, http.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString());

        try
        {
            await ServeAsync(http, call);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Request {RequestId} {Service} {Action} failed", requestId, call.Service?.SigningName, call.Action);
            if (!http.Response.HasStarted) await WriteErrorAsync(http, call, QueryErrors.InternalFailure());
        }

        if (accessLog)
        {
            logger.LogInformation(
                "{RequestId} {Service} {Action} key={AccessKeyId} status={Status} error={ErrorCode} {ElapsedMs:0.0}ms",
                requestId, call.Service?.SigningName, call.Action, call.AccessKeyId, http.Response.StatusCode, call.Error?.Code,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (_observers.Length > 0)
        {
            var record = new RequestRecord(requestId, receivedAt, call.Service?.SigningName, call.Action, call.AccessKeyId,
                call.Caller, call.SourceIp, call.UserAgent, http.Response.StatusCode, call.Error)
            {
                Region = call.Region,
                // A refused call is recorded without its parameters, as CloudTrail records it.
                Parameters = call.Error is { Code: "AccessDenied" or "AccessDeniedException" } ? null : call.Parameters,
            };
            foreach (var observer in _observers)
            {
                try
                {
                    await observer.OnCompletedAsync(record, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Request observer failed for {RequestId}", requestId);
                }
            }
        }
    }

    private async Task ServeAsync(HttpContext http, CallState call)
    {
        var request = http.Request;
        var body = await ReadBodyAsync(request, http.RequestAborted);
        if (body is null)
        {
            call.Service = AwsService.ByTarget(request.Headers["X-Amz-Target"]) ?? AwsService.Iam;
            await WriteErrorAsync(http, call, new AwsError("RequestEntityTooLarge", "Request body too large", 413));
            return;
        }

        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (rawTarget is null || !rawTarget.StartsWith('/'))
        {
            // Absolute-form targets (through a proxy) and missing raw targets: rebuild the origin form.
            rawTarget = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }
        var (rawPath, rawQuery) = SigV4Request.SplitTarget(rawTarget);
        var headers = RequestHeaders.Over(request.Headers);
        var sigRequest = new SigV4Request { Method = request.Method, RawPath = rawPath, RawQuery = rawQuery, Headers = headers, Body = body };

        var target = headers.First("X-Amz-Target");
        var (queryParameters, malformedQuery) = target is null ? QueryParametersOf(rawQuery, headers, body) : (null, null);

        var parsed = SignatureClaimParser.Parse(sigRequest);
        call.AccessKeyId = parsed.Claim?.AccessKeyId;
        call.Region = parsed.Claim?.Region;
        call.Service = AwsService.ByTarget(target)
                       ?? AwsService.BySigningName(parsed.Claim?.Service)
                       ?? AwsService.ByQueryVersion(queryParameters?.Get("Version"))
                       ?? AwsService.Iam;
        call.Action = target is not null ? JsonProtocol.OperationOf(call.Service, target) ?? target : queryParameters?.Get("Action");

        if (parsed.Error is not null)
        {
            await WriteErrorAsync(http, call, parsed.Error);
            return;
        }

        if (target is null && parsed.Claim?.Service is { } claimed && AwsService.BySigningName(claimed) is null)
        {
            // S3, EC2, …: say what is served instead of a signature error about the credential's scope.
            await WriteErrorAsync(http, call, QueryErrors.UnsupportedService(claimed, AwsService.All));
            return;
        }

        var outcome = await verifier.VerifyAsync(sigRequest, parsed.Claim!, call.Service.SigningName, http.RequestAborted);
        if (!outcome.IsAuthenticated)
        {
            await WriteErrorAsync(http, call, outcome.Error!);
            return;
        }

        call.Caller = outcome.Credential!.Caller;
        if (_observers.Length > 0)
        {
            // Only an authenticated call's parameters are kept: CloudTrail records none for unauthenticated calls,
            // and keeping them would let anyone grow the trail with unsigned bodies.
            call.Parameters = target is null ? AuditParameters.FromQuery(queryParameters ?? QueryParameters.Empty) : AuditParameters.FromJson(body);
        }

        if (malformedQuery is not null)
        {
            await WriteErrorAsync(http, call, malformedQuery);
            return;
        }

        var context = new RequestContext(call.RequestId, outcome.Credential, outcome.Claim!, call.SourceIp, call.UserAgent, call.ReceivedAt);

        if (call.Service.Protocol == WireProtocol.Json11)
        {
            await DispatchJsonAsync(http, call, context, target, body);
        }
        else
        {
            await DispatchQueryAsync(http, call, context, queryParameters ?? QueryParameters.Empty);
        }
    }

    private async Task DispatchQueryAsync(HttpContext http, CallState call, RequestContext context, QueryParameters parameters)
    {
        var service = call.Service!;
        if (call.Action is not { Length: > 0 } action)
        {
            await WriteErrorAsync(http, call, QueryErrors.MissingAction());
            return;
        }
        var version = parameters.Get("Version");
        var handler = handlers.FindQuery(service, action);
        if (handler is null || (version is not null && version != service.ApiVersion))
        {
            await WriteErrorAsync(http, call, QueryErrors.InvalidAction(action, version ?? service.ApiVersion));
            return;
        }

        var response = await handler(new QueryRequest(service, action, parameters, context), http.RequestAborted);
        if (response.Error is not null)
        {
            await WriteErrorAsync(http, call, response.Error);
            return;
        }

        var output = ResponseBuffers.Rent();
        try
        {
            QueryXml.Success(output, service.XmlNamespace!, action, call.RequestId, response.WriteResult);
            await WriteAsync(http, 200, QueryXml.ContentType, output.WrittenMemory);
        }
        finally
        {
            ResponseBuffers.Return(output);
        }
    }

    private async Task DispatchJsonAsync(HttpContext http, CallState call, RequestContext context, string? target, byte[] body)
    {
        var service = call.Service!;
        var operation = JsonProtocol.OperationOf(service, target);
        var handler = operation is null ? null : handlers.FindJson(service, operation);
        if (handler is null)
        {
            await WriteErrorAsync(http, call, JsonErrors.UnknownOperation(target));
            return;
        }

        JsonElement document;
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            await WriteErrorAsync(http, call, JsonErrors.SerializationException("Invalid UTF-8 in the request body."));
            return;
        }

        try
        {
            using var parsed = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            document = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            await WriteErrorAsync(http, call, JsonErrors.SerializationException("Start of structure or map found where not expected."));
            return;
        }

        var response = await handler(new JsonRequest(service, operation!, document, context), http.RequestAborted);
        if (response.Error is not null)
        {
            await WriteErrorAsync(http, call, response.Error);
            return;
        }
        await WriteAsync(http, 200, JsonProtocol.ContentType, JsonProtocol.Success(response.WriteBody));
    }

    /// <summary>Operation parameters from the URL query and a form-encoded body, without the signature's own parameters.</summary>
    private static (QueryParameters? Parameters, AwsError? Error) QueryParametersOf(string rawQuery, RequestHeaders headers, byte[] body)
    {
        var contentType = headers.First("Content-Type");
        var form = body.Length > 0 && (contentType is null || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            ? body
            : [];
        var (parameters, error) = QueryForm.Parse(rawQuery, form);
        return error is not null ? (null, error) : (parameters!.Without(SignatureParameters), null);
    }

    private static readonly string[] SignatureParameters =
        ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token"];

    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes) return null;
        if (request.ContentLength is { } known)
        {
            // The usual case (the SDKs and the CLI send Content-Length): one exact array, no copies.
            var exact = known == 0 ? [] : new byte[known];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit, met by a chunked body that announced no length.
            return null;
        }
        return buffer.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext http, CallState call, AwsError error)
    {
        call.Error = error;
        var service = call.Service ?? AwsService.Iam;
        if (service.Protocol == WireProtocol.Json11)
        {
            http.Response.Headers[ErrorTypeHeader] = JsonErrorCodes.For(error.Code);
            return WriteAsync(http, error.HttpStatus, JsonProtocol.ContentType, JsonProtocol.Error(error));
        }
        return WriteAsync(http, error.HttpStatus, QueryXml.ContentType, QueryXml.Error(service.XmlNamespace!, error, call.RequestId));
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>What is known about the call so far, for the error writer, the log line and the audit record.</summary>
    private sealed class CallState(string requestId, DateTimeOffset receivedAt, string? sourceIp, string? userAgent)
    {
        public string RequestId { get; } = requestId;
        public DateTimeOffset ReceivedAt { get; } = receivedAt;
        public string? SourceIp { get; } = sourceIp;
        public string? UserAgent { get; } = userAgent;
        public AwsService? Service { get; set; }
        public string? Action { get; set; }
        public string? AccessKeyId { get; set; }
        public CallerIdentity? Caller { get; set; }
        public AwsError? Error { get; set; }
        public string? Region { get; set; }
        public string? Parameters { get; set; }
    }
}
