using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;

namespace Crossgate.Testing;

/// <summary>An in-process HTTP endpoint answering like AWS (Query XML for STS and IAM, JSON 1.1 for Organizations),
/// scripted by the test, so that the platform's clients and the AWS SDK are exercised over real HTTP.</summary>
public sealed class FakeAwsEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeAwsEndpoint(Func<FakeAwsRequest, FakeAwsResponse> handler)
    {
        Handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public Func<FakeAwsRequest, FakeAwsResponse> Handler { get; set; }

    public ConcurrentQueue<FakeAwsRequest> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = reader.ReadToEnd();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
                form[key] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        var authorization = context.Request.Headers["Authorization"] ?? string.Empty;
        var credentialAt = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        var keyId = credentialAt < 0 ? null : authorization[(credentialAt + "Credential=".Length)..].Split('/')[0];
        var request = new FakeAwsRequest(form.GetValueOrDefault("Action"), form, context.Request.Headers["X-Amz-Target"], body, keyId);
        Requests.Enqueue(request);

        FakeAwsResponse response;
        try
        {
            response = Handler(request);
        }
        catch (Exception ex)
        {
            response = new FakeAwsResponse(500, ex.ToString(), "text/plain");
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}

/// <summary>One request as the fake saw it: the Query action and form, or the JSON target and body, and the access
/// key that signed it.</summary>
public sealed record FakeAwsRequest(string? Action, IReadOnlyDictionary<string, string> Form, string? Target, string Body, string? AccessKeyId)
{
    public string? this[string key] => Form.GetValueOrDefault(key);
}

/// <summary>AWS-shaped answers.</summary>
public sealed record FakeAwsResponse(int Status, string Body, string ContentType)
{
    private const string Sts = "https://sts.amazonaws.com/doc/2011-06-15/";
    private const string Iam = "https://iam.amazonaws.com/doc/2010-05-08/";

    public static FakeAwsResponse AssumeRoleOk(string roleArn, string sessionName, string accessKeyId = "ASIAFAKEASSUMED00001")
    {
        var parts = roleArn.Split(':', 6);
        var roleName = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        return Xml(200, $"""
            <AssumeRoleResponse xmlns="{Sts}"><AssumeRoleResult>
            <Credentials><AccessKeyId>{accessKeyId}</AccessKeyId><SecretAccessKey>fakeSecret</SecretAccessKey><SessionToken>fakeToken</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
            <AssumedRoleUser><AssumedRoleId>AROAFAKE:{sessionName}</AssumedRoleId><Arn>arn:aws:sts::{parts[4]}:assumed-role/{roleName}/{sessionName}</Arn></AssumedRoleUser>
            </AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>
            """);
    }

    public static FakeAwsResponse CallerIdentity(string arn) => Xml(200, $"""
        <GetCallerIdentityResponse xmlns="{Sts}"><GetCallerIdentityResult><Arn>{arn}</Arn><UserId>AIDAFAKE</UserId><Account>{arn.Split(':')[4]}</Account></GetCallerIdentityResult>
        <ResponseMetadata><RequestId>2</RequestId></ResponseMetadata></GetCallerIdentityResponse>
        """);

    public static FakeAwsResponse QueryError(int status, string code, string message, string ns = Sts) => Xml(status, $"""
        <ErrorResponse xmlns="{ns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>3</RequestId></ErrorResponse>
        """);

    /// <summary>IAM's simulator answer: one member per (action, resource, decision, missing context keys).</summary>
    public static FakeAwsResponse Simulation(IEnumerable<(string Action, string Resource, string Decision, string[] Missing)> results)
    {
        var members = string.Concat(results.Select(r =>
            $"<member><EvalActionName>{r.Action}</EvalActionName><EvalResourceName>{SecurityElement.Escape(r.Resource)}</EvalResourceName><EvalDecision>{r.Decision}</EvalDecision>" +
            $"<MatchedStatements/><MissingContextValues>{string.Concat(r.Missing.Select(m => $"<member>{m}</member>"))}</MissingContextValues></member>"));
        return Xml(200, $"""
            <SimulatePrincipalPolicyResponse xmlns="{Iam}"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>
            <EvaluationResults>{members}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>4</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>
            """);
    }

    public static FakeAwsResponse Json(string json) => new(200, json, "application/x-amz-json-1.1");

    private static FakeAwsResponse Xml(int status, string body) => new(status, body, "text/xml");
}
