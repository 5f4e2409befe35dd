using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Crossgate.Server.Errors;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Tests.Signing;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Wire;

/// <summary>Requests over real HTTP to a Kestrel server on a loopback port.</summary>
public sealed class WireTests
{
    private static readonly XNamespace StsNs = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static readonly XNamespace IamNs = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static readonly SigV4Vector StsVector = SigV4Vector.Named("sts-get-caller-identity");

    private static InMemoryCredentials Credentials() => new InMemoryCredentials()
        .Add(StsVector.AccessKeyId, StsVector.SecretAccessKey, account: "111122223333")
        .Add(new Crossgate.Server.Signing.ResolvedCredential(
            SigV4Vector.Named("presigned-get-caller-identity").AccessKeyId,
            SigV4Vector.Named("presigned-get-caller-identity").SecretAccessKey,
            new Crossgate.Server.Signing.CallerIdentity("222233334444", "arn:aws:sts::222233334444:assumed-role/R/s", "AROAEXAMPLE:s"))
        {
            SessionToken = SigV4Vector.Named("presigned-get-caller-identity").SessionToken,
        });

    /// <summary>Sends a botocore-signed vector as-is (its Host header included) to the server.</summary>
    private static async Task<HttpResponseMessage> Replay(ServerFixture server, SigV4Vector v)
    {
        var message = new HttpRequestMessage(new HttpMethod(v.Method), new Uri(server.BaseAddress, v.Target));
        if (v.Body.Length > 0 || v.Method == "POST") message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(v.Body));
        foreach (var pair in v.Headers)
        {
            switch (pair[0].ToLowerInvariant())
            {
                case "host": message.Headers.Host = pair[1]; break;
                case "content-length": break;
                case "content-type": message.Content!.Headers.TryAddWithoutValidation("Content-Type", pair[1]); break;
                default: message.Headers.TryAddWithoutValidation(pair[0], pair[1]); break;
            }
        }
        return await server.Client.SendAsync(message);
    }

    [Fact]
    public async Task Health_needs_no_signature()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });

        var response = await server.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Botocore_signed_GetCallerIdentity_is_answered_in_STS_XML()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity),
            new FixedClock(StsVector.NowTime));

        var response = await Replay(server, StsVector);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(StsNs + "GetCallerIdentityResponse", xml.Name);
        var result = xml.Element(StsNs + "GetCallerIdentityResult")!;
        Assert.Equal("111122223333", result.Element(StsNs + "Account")!.Value);
        Assert.Equal($"arn:aws:iam::111122223333:user/test-{StsVector.AccessKeyId}", result.Element(StsNs + "Arn")!.Value);
        var requestId = xml.Element(StsNs + "ResponseMetadata")!.Element(StsNs + "RequestId")!.Value;
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(requestId, response.Headers.GetValues("x-amzn-RequestId").Single());
    }

    [Fact]
    public async Task Presigned_GetCallerIdentity_with_session_credentials_is_accepted()
    {
        var v = SigV4Vector.Named("presigned-get-caller-identity");
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity),
            new FixedClock(v.NowTime));

        var response = await Replay(server, v);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("arn:aws:sts::222233334444:assumed-role/R/s", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_lists_and_structures_reach_the_handler_decoded()
    {
        var v = SigV4Vector.Named("iam-create-user-with-tags");
        QueryRequest? seen = null;
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r.MapQuery(AwsService.Iam, "CreateUser", (request, _) =>
        {
            seen = request;
            var tags = request.Parameters.StructList("Tags");
            return ValueTask.FromResult(QueryResponse.Ok(result => result.Struct("User", user => user
                .Element("Path", request.Parameters.Get("Path"))
                .Element("UserName", request.Parameters.Get("UserName"))
                .Element("CreateDate", new DateTimeOffset(2026, 11, 23, 10, 30, 15, TimeSpan.Zero))
                .List("Tags", tags, (w, t) => w.Element("Key", t.Get("Key")).Element("Value", t.Get("Value"))))));
        }), new FixedClock(v.NowTime));

        var response = await Replay(server, v);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alïce", seen!.Parameters.Get("UserName"));
        Assert.Equal("/team/", seen.Parameters.Get("Path"));
        Assert.Equal("iam", seen.Service.SigningName);
        var user = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!
            .Element(IamNs + "CreateUserResult")!.Element(IamNs + "User")!;
        Assert.Equal("2026-11-23T10:30:15Z", user.Element(IamNs + "CreateDate")!.Value);
        var tag = user.Element(IamNs + "Tags")!.Element(IamNs + "member")!;
        Assert.Equal("cost center", tag.Element(IamNs + "Key")!.Value);
        Assert.Equal("a+b=c*", tag.Element(IamNs + "Value")!.Value);
    }

    [Fact]
    public async Task Organizations_JSON_is_routed_by_target_and_answered_in_JSON()
    {
        var v = SigV4Vector.Named("organizations-json");
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r.MapJson(AwsService.Organizations, "DescribeOrganization",
            (request, _) => ValueTask.FromResult(JsonResponse.Ok(json =>
            {
                json.WriteStartObject();
                json.WriteStartObject("Organization");
                json.WriteString("Id", "o-exampleorgid");
                json.WriteString("MasterAccountId", request.Context.Caller.Caller.Account);
                json.WriteEndObject();
                json.WriteEndObject();
            }))), new FixedClock(v.NowTime));

        var response = await Replay(server, v);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("o-exampleorgid", body.RootElement.GetProperty("Organization").GetProperty("Id").GetString());
        Assert.Equal("111122223333", body.RootElement.GetProperty("Organization").GetProperty("MasterAccountId").GetString());
    }

    [Fact]
    public async Task Unsigned_STS_call_is_MissingAuthenticationToken_in_STS_XML()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });

        var response = await server.Client.SendAsync(TestSigner.FormPost(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(StsNs + "ErrorResponse", xml.Name);
        var error = xml.Element(StsNs + "Error")!;
        Assert.Equal("Sender", error.Element(StsNs + "Type")!.Value);
        Assert.Equal("MissingAuthenticationToken", error.Element(StsNs + "Code")!.Value);
        Assert.Equal("Request is missing Authentication Token", error.Element(StsNs + "Message")!.Value);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), xml.Element(StsNs + "RequestId")!.Value);
    }

    [Fact]
    public async Task Unsigned_Organizations_call_is_a_JSON_error_with_error_type_header()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });

        var response = await server.Client.SendAsync(TestSigner.JsonPost(server.BaseAddress, "AWSOrganizationsV20161128.ListAccounts", "{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("MissingAuthenticationTokenException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("Request is missing Authentication Token", body.RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Unknown_key_on_Organizations_is_UnrecognizedClientException()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });
        var message = TestSigner.JsonPost(server.BaseAddress, "AWSOrganizationsV20161128.ListAccounts", "{}");
        new TestSigner("AKIANOBODY0000000000", "secret", "us-east-1", "organizations").Sign(message, "{}"u8.ToArray(), DateTimeOffset.UtcNow);

        var response = await server.Client.SendAsync(message);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnrecognizedClientException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("The security token included in the request is invalid.", body.RootElement.GetProperty("Message").GetString());
    }

    private static async Task<HttpResponseMessage> SignedForm(ServerFixture server, string form, string service = "iam")
    {
        var message = TestSigner.FormPost(server.BaseAddress, form);
        new TestSigner(StsVector.AccessKeyId, StsVector.SecretAccessKey, "us-east-1", service)
            .Sign(message, Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);
        return await server.Client.SendAsync(message);
    }

    private static (string Type, string Code, string Message) ErrorOf(string xml, XNamespace ns)
    {
        var error = XDocument.Parse(xml).Root!.Element(ns + "Error")!;
        return (error.Element(ns + "Type")!.Value, error.Element(ns + "Code")!.Value, error.Element(ns + "Message")!.Value);
    }

    [Fact]
    public async Task Unknown_action_is_InvalidAction()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });

        var response = await SignedForm(server, "Action=ListUsers&Version=2010-05-08");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Sender", "InvalidAction", "Could not find operation ListUsers for version 2010-05-08"),
            ErrorOf(await response.Content.ReadAsStringAsync(), IamNs));
    }

    [Fact]
    public async Task Missing_action_is_MissingAction()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), _ => { });

        var response = await SignedForm(server, "Version=2010-05-08");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAction", ErrorOf(await response.Content.ReadAsStringAsync(), IamNs).Code);
    }

    [Fact]
    public async Task Handler_errors_keep_their_status_and_fault_type()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r
            .MapQuery(AwsService.Iam, "GetUser", (_, _) =>
                ValueTask.FromResult<QueryResponse>(new AwsError("NoSuchEntity", "The user with name bob cannot be found.", 404)))
            .MapQuery(AwsService.Iam, "GetRole", (_, _) =>
                ValueTask.FromResult<QueryResponse>(new AwsError("ServiceFailure", "boom", 500))));

        var notFound = await SignedForm(server, "Action=GetUser&Version=2010-05-08&UserName=bob");
        var failure = await SignedForm(server, "Action=GetRole&Version=2010-05-08&RoleName=r");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(("Sender", "NoSuchEntity", "The user with name bob cannot be found."), ErrorOf(await notFound.Content.ReadAsStringAsync(), IamNs));
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal("Receiver", ErrorOf(await failure.Content.ReadAsStringAsync(), IamNs).Type);
    }

    [Fact]
    public async Task Handler_exception_is_InternalFailure()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r
            .MapQuery(AwsService.Iam, "GetUser", (_, _) => throw new InvalidOperationException("bug")));

        var response = await SignedForm(server, "Action=GetUser&Version=2010-05-08");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(("Receiver", "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."),
            ErrorOf(await response.Content.ReadAsStringAsync(), IamNs));
    }

    [Fact]
    public async Task Action_with_no_output_has_no_Result_element()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r
            .MapQuery(AwsService.Iam, "DeleteUser", (_, _) => ValueTask.FromResult(QueryResponse.Empty())));

        var response = await SignedForm(server, "Action=DeleteUser&Version=2010-05-08&UserName=bob");

        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(IamNs + "DeleteUserResponse", root.Name);
        Assert.Null(root.Element(IamNs + "DeleteUserResult"));
        Assert.NotNull(root.Element(IamNs + "ResponseMetadata"));
    }

    [Fact]
    public async Task IAM_signature_sent_to_STS_action_is_rejected_by_service_scope()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r
            .MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        var message = TestSigner.JsonPost(server.BaseAddress, "AWSOrganizationsV20161128.ListAccounts", "{}");
        new TestSigner(StsVector.AccessKeyId, StsVector.SecretAccessKey, "us-east-1", "sts").Sign(message, "{}"u8.ToArray(), DateTimeOffset.UtcNow);

        var response = await server.Client.SendAsync(message);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidSignatureException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("Credential should be scoped to correct service: 'organizations'. ", body.RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Every_request_is_reported_to_observers()
    {
        var observer = new RecordingObserver();
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r
            .MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity), observers: [observer]);

        await SignedForm(server, "Action=GetCallerIdentity&Version=2011-06-15", service: "sts");
        await server.Client.SendAsync(TestSigner.FormPost(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15"));

        // Observers run after the response is flushed, so the client may be ahead of them.
        for (var i = 0; i < 100 && observer.Count < 2; i++) await Task.Delay(20);
        Assert.Equal(2, observer.Count);
        var ok = observer.Records[0];
        Assert.Equal(("sts", "GetCallerIdentity", 200), (ok.Service, ok.Action, ok.HttpStatus));
        Assert.Equal(StsVector.AccessKeyId, ok.AccessKeyId);
        Assert.Equal("111122223333", ok.Caller!.Account);
        Assert.Null(ok.Error);
        var denied = observer.Records[1];
        Assert.Equal(("sts", "GetCallerIdentity", 403, "MissingAuthenticationToken"), (denied.Service, denied.Action, denied.HttpStatus, denied.Error!.Code));
        Assert.Null(denied.Caller);
        Assert.Equal("127.0.0.1", denied.SourceIp);
    }

    private sealed class RecordingObserver : IRequestObserver
    {
        public List<RequestRecord> Records { get; } = new();

        public int Count { get { lock (Records) return Records.Count; } }

        public ValueTask OnCompletedAsync(RequestRecord record, CancellationToken cancellationToken)
        {
            lock (Records) Records.Add(record);
            return ValueTask.CompletedTask;
        }
    }
}
