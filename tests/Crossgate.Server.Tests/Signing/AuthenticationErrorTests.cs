using Crossgate.Server.Errors;
using Crossgate.Server.Signing;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Signing;

/// <summary>Each way authentication fails, with AWS's code, status and text.</summary>
public sealed class AuthenticationErrorTests
{
    private static readonly SigV4Vector Sts = SigV4Vector.Named("sts-get-caller-identity");
    private static readonly SigV4Vector Session = SigV4Vector.Named("sts-assume-role-session-credentials");

    private static async Task<AwsError?> ErrorOf(SigV4Request request, InMemoryCredentials? store = null,
        DateTimeOffset? now = null, string service = "sts")
    {
        store ??= new InMemoryCredentials().Add(Sts.AccessKeyId, Sts.SecretAccessKey);
        var verifier = new SigV4Verifier(store, new FixedClock(now ?? Sts.NowTime), new SigningKeyCache());
        return (await verifier.VerifyAsync(request, service, default)).Error;
    }

    private static SigV4Request WithAuthorization(string? authorization) =>
        Sts.ToRequest() is var r && authorization is null
            ? Rebuild(r, drop: "Authorization")
            : Rebuild(r, drop: "Authorization", add: ("Authorization", authorization!));

    private static SigV4Request Rebuild(SigV4Request source, string drop, (string Name, string Value)? add = null)
    {
        var headers = new RequestHeaders();
        foreach (var pair in Sts.Headers)
        {
            if (!string.Equals(pair[0], drop, StringComparison.OrdinalIgnoreCase)) headers.Add(pair[0], pair[1]);
        }
        if (add is { } h) headers.Add(h.Name, h.Value);
        return new SigV4Request { Method = source.Method, RawPath = source.RawPath, RawQuery = source.RawQuery, Headers = headers, Body = source.Body };
    }

    [Fact]
    public async Task No_signature_at_all_is_MissingAuthenticationToken()
    {
        var error = await ErrorOf(WithAuthorization(null));

        Assert.Equal(new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403), error);
    }

    [Fact]
    public async Task Header_without_parts_lists_every_missing_part()
    {
        var headers = new RequestHeaders().Add("Host", "127.0.0.1:8770")
            .Add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/sts/aws4_request");
        var error = await ErrorOf(new SigV4Request { Method = "POST", RawPath = "/", Headers = headers });

        Assert.Equal("IncompleteSignature", error!.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(
            "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. " +
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
            "Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/sts/aws4_request",
            error.Message);
    }

    [Fact]
    public async Task Other_algorithm_is_IncompleteSignature_requiring_every_part()
    {
        var error = await ErrorOf(WithAuthorization("AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg="));

        Assert.Equal("IncompleteSignature", error!.Code);
        Assert.Equal(
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
            "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
            error.Message);
    }

    [Fact]
    public async Task Space_inside_the_credential_is_a_missing_equal_sign()
    {
        const string header = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE /20261123/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
        var broken = header.Replace("AKIAIOSFODNN7EXAMPLE /", "AKIAIOSFODNN7EXAMPLE, /");

        var error = await ErrorOf(WithAuthorization(broken));

        Assert.Equal("IncompleteSignature", error!.Code);
        Assert.Equal($"'/20261123/us-east-1/sts/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '{broken}'.", error.Message);
    }

    [Fact]
    public async Task Credential_with_four_elements_is_IncompleteSignature()
    {
        var error = await ErrorOf(WithAuthorization("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts, SignedHeaders=host;x-amz-date, Signature=abc"));

        Assert.Equal(AuthErrors.IncompleteSignature(
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts'"), error);
    }

    [Fact]
    public async Task Malformed_date_is_IncompleteSignature()
    {
        var request = Rebuild(Sts.ToRequest(), drop: "X-Amz-Date", add: ("X-Amz-Date", "2026-11-23T10:30:15Z"));

        var error = await ErrorOf(request);

        Assert.Equal(AuthErrors.IncompleteSignature(
            "Date must be in ISO-8601 'basic format'. Got '2026-11-23T10:30:15Z'. See http://en.wikipedia.org/wiki/ISO_8601"), error);
    }

    [Fact]
    public async Task Scope_date_other_than_request_date_is_SignatureDoesNotMatch()
    {
        var request = Rebuild(Sts.ToRequest(), drop: "X-Amz-Date", add: ("X-Amz-Date", "20261124T001000Z"));

        var error = await ErrorOf(request);

        Assert.Equal(AuthErrors.SignatureDoesNotMatch(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261123' != '20261124', from '20261124T001000Z'."), error);
    }

    [Fact]
    public async Task Credential_for_another_service_is_SignatureDoesNotMatch()
    {
        var error = await ErrorOf(Sts.ToRequest(), service: "iam");

        Assert.Equal(new AwsError("SignatureDoesNotMatch", "Credential should be scoped to correct service: 'iam'. ", 403), error);
    }

    [Fact]
    public async Task Wrong_terminator_is_SignatureDoesNotMatch()
    {
        var error = await ErrorOf(WithAuthorization("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts/aws5_request, SignedHeaders=host;x-amz-date, Signature=abc"));

        Assert.Equal("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ", error!.Message);
        Assert.Equal(403, error.HttpStatus);
    }

    [Fact]
    public async Task Request_older_than_15_minutes_is_Signature_expired()
    {
        var error = await ErrorOf(Sts.ToRequest(), now: Sts.NowTime.AddMinutes(16));

        Assert.Equal(AuthErrors.SignatureDoesNotMatch(
            "Signature expired: 20261123T103015Z is now earlier than 20261123T103115Z (20261123T104615Z - 15 min.)"), error);
    }

    [Fact]
    public async Task Request_from_more_than_15_minutes_ahead_is_not_yet_current()
    {
        var error = await ErrorOf(Sts.ToRequest(), now: Sts.NowTime.AddMinutes(-16));

        Assert.Equal(AuthErrors.SignatureDoesNotMatch(
            "Signature not yet current: 20261123T103015Z is still later than 20261123T102915Z (20261123T101415Z + 15 min.)"), error);
    }

    [Theory]
    [InlineData(-15)]
    [InlineData(15)]
    public async Task Skew_of_exactly_15_minutes_is_accepted(int minutes)
    {
        Assert.Null(await ErrorOf(Sts.ToRequest(), now: Sts.NowTime.AddMinutes(minutes)));
    }

    [Fact]
    public async Task Unknown_access_key_is_InvalidClientTokenId()
    {
        var error = await ErrorOf(Sts.ToRequest(), store: new InMemoryCredentials().Add("AKIAOTHER00000000000", "x"));

        Assert.Equal(new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403), error);
    }

    [Fact]
    public async Task Inactive_access_key_is_InvalidClientTokenId()
    {
        var store = new InMemoryCredentials().Add(new ResolvedCredential(Sts.AccessKeyId, Sts.SecretAccessKey,
            new CallerIdentity("111122223333", "arn:aws:iam::111122223333:user/u", "AIDAEXAMPLE")) { IsActive = false });

        Assert.Equal("InvalidClientTokenId", (await ErrorOf(Sts.ToRequest(), store))!.Code);
    }

    private static InMemoryCredentials SessionStore(string? token, DateTimeOffset? expiration = null) =>
        new InMemoryCredentials().Add(new ResolvedCredential(Session.AccessKeyId, Session.SecretAccessKey,
            new CallerIdentity("222222222222", "arn:aws:sts::222222222222:assumed-role/R/s", "AROAEXAMPLE:s"))
        {
            SessionToken = token,
            Expiration = expiration,
        });

    private static async Task<AwsError?> SessionErrorOf(InMemoryCredentials store, DateTimeOffset? now = null, SigV4Request? request = null)
    {
        var verifier = new SigV4Verifier(store, new FixedClock(now ?? Session.NowTime), new SigningKeyCache());
        return (await verifier.VerifyAsync(request ?? Session.ToRequest(), "sts", default)).Error;
    }

    [Fact]
    public async Task Session_credentials_with_their_token_verify()
    {
        Assert.Null(await SessionErrorOf(SessionStore(Session.SessionToken, Session.NowTime.AddHours(1))));
    }

    [Fact]
    public async Task Session_token_that_differs_is_InvalidClientTokenId()
    {
        var error = await SessionErrorOf(SessionStore(Session.SessionToken + "x"));

        Assert.Equal("InvalidClientTokenId", error!.Code);
    }

    [Fact]
    public async Task Session_key_without_token_is_InvalidClientTokenId()
    {
        var request = Session.ToRequest();
        var headers = new RequestHeaders();
        foreach (var pair in Session.Headers)
        {
            if (pair[0] != "X-Amz-Security-Token") headers.Add(pair[0], pair[1]);
        }

        var error = await SessionErrorOf(SessionStore(Session.SessionToken),
            request: new SigV4Request { Method = request.Method, RawPath = request.RawPath, Headers = headers, Body = request.Body });

        Assert.Equal("InvalidClientTokenId", error!.Code);
    }

    [Fact]
    public async Task Token_presented_with_a_long_term_key_is_InvalidClientTokenId()
    {
        Assert.Equal("InvalidClientTokenId", (await SessionErrorOf(SessionStore(token: null)))!.Code);
    }

    [Fact]
    public async Task Expired_session_is_ExpiredToken()
    {
        var error = await SessionErrorOf(SessionStore(Session.SessionToken, expiration: Session.NowTime.AddMinutes(-1)));

        Assert.Equal(new AwsError("ExpiredToken", "The security token included in the request is expired", 403), error);
    }

    [Fact]
    public async Task Presigned_request_verifies_within_its_lifetime()
    {
        var v = SigV4Vector.Named("presigned-short-expiry");
        var store = new InMemoryCredentials().Add(v.AccessKeyId, v.SecretAccessKey);
        var verifier = new SigV4Verifier(store, new FixedClock(v.NowTime.AddSeconds(59)), new SigningKeyCache());

        var outcome = await verifier.VerifyAsync(v.ToRequest(), "sts", default);

        Assert.True(outcome.IsAuthenticated);
        Assert.True(outcome.Claim!.IsPresigned);
        Assert.Equal(60, outcome.Claim.ExpiresSeconds);
    }

    [Fact]
    public async Task Presigned_request_past_its_expiry_is_rejected()
    {
        var v = SigV4Vector.Named("presigned-short-expiry");
        var store = new InMemoryCredentials().Add(v.AccessKeyId, v.SecretAccessKey);
        var verifier = new SigV4Verifier(store, new FixedClock(v.NowTime.AddSeconds(61)), new SigningKeyCache());

        var error = (await verifier.VerifyAsync(v.ToRequest(), "sts", default)).Error;

        Assert.Equal("RequestExpired", error!.Code);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task Presigned_query_missing_parameters_lists_them()
    {
        var request = new SigV4Request
        {
            Method = "GET",
            RawPath = "/",
            RawQuery = "Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261123%2Fus-east-1%2Fsts%2Faws4_request",
            Headers = new RequestHeaders().Add("Host", "h"),
        };

        var error = await ErrorOf(request);

        Assert.Equal(AuthErrors.IncompleteSignature(
            "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. " +
            "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters."), error);
    }

    [Fact]
    public async Task Header_and_query_signatures_together_are_rejected()
    {
        var v = SigV4Vector.Named("presigned-get-caller-identity");
        var request = v.ToRequest();
        request.Headers.Add("Authorization", Sts.Headers.Single(h => h[0] == "Authorization")[1]);

        Assert.Equal("IncompleteSignature", (await ErrorOf(request))!.Code);
    }

    [Fact]
    public async Task Host_must_be_signed()
    {
        var auth = Sts.Headers.Single(h => h[0] == "Authorization")[1].Replace("content-type;host;x-amz-date", "content-type;x-amz-date");

        Assert.Equal("SignatureDoesNotMatch", (await ErrorOf(WithAuthorization(auth)))!.Code);
    }
}
