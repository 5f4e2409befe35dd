using Crossgate.Server.Signing;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Signing;

/// <summary>Requests signed by botocore itself must verify, and must stop verifying when anything signed changes.</summary>
public sealed class BotocoreVectorTests
{
    private static SigV4Verifier VerifierFor(SigV4Vector v, string? secret = null, DateTimeOffset? now = null) =>
        new(new InMemoryCredentials().Add(v.AccessKeyId, secret ?? v.SecretAccessKey, sessionToken: v.SessionToken),
            new FixedClock(now ?? v.NowTime), new SigningKeyCache());

    public static TheoryData<string> Vectors() => SigV4Vector.Names();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonical_request_is_the_one_botocore_signed(string name)
    {
        var v = SigV4Vector.Named(name);
        if (name == "declared-payload-hash-of-other-body") return; // the declared hash is used as-is; covered below
        var request = v.ToRequest();
        var claim = SignatureClaimParser.Parse(request).Claim!;
        var payload = request.Headers.First("X-Amz-Content-SHA256") ?? CanonicalRequest.HexSha256(request.Body.Span);

        Assert.Equal(v.CanonicalRequest, CanonicalRequest.Build(request, claim, payload));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Botocore_signature_verifies(string name)
    {
        var v = SigV4Vector.Named(name);
        if (name == "declared-payload-hash-of-other-body") return;

        var outcome = await VerifierFor(v).VerifyAsync(v.ToRequest(), v.Service, default);

        Assert.Null(outcome.Error);
        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(v.AccessKeyId, outcome.Credential!.AccessKeyId);
        Assert.Equal(v.Region, outcome.Claim!.Region);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Wrong_secret_is_SignatureDoesNotMatch(string name)
    {
        var v = SigV4Vector.Named(name);

        var outcome = await VerifierFor(v, secret: v.SecretAccessKey + "x").VerifyAsync(v.ToRequest(), v.Service, default);

        Assert.Equal("SignatureDoesNotMatch", outcome.Error?.Code);
        Assert.Equal(403, outcome.Error!.HttpStatus);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Changed_body_is_SignatureDoesNotMatch(string name)
    {
        var v = SigV4Vector.Named(name);
        if (name == "unsigned-payload-declared") return; // by definition the body is not signed

        var outcome = await VerifierFor(v).VerifyAsync(v.ToRequest(body: v.Body + "&RoleSessionName=evil"), v.Service, default);

        Assert.Equal("SignatureDoesNotMatch", outcome.Error?.Code);
    }

    [Fact]
    public async Task Changed_signed_header_is_SignatureDoesNotMatch()
    {
        var v = SigV4Vector.Named("organizations-json");
        var request = v.ToRequest(mapHeader: (name, value) =>
            name == "X-Amz-Target" ? "AWSOrganizationsV20161128.CreateAccount" : value);

        var outcome = await VerifierFor(v).VerifyAsync(request, v.Service, default);

        Assert.Equal("SignatureDoesNotMatch", outcome.Error?.Code);
    }

    [Fact]
    public async Task Unsigned_extra_header_does_not_matter()
    {
        var v = SigV4Vector.Named("sts-get-caller-identity");
        var request = v.ToRequest();
        request.Headers.Add("User-Agent", "aws-cli/2.0");

        var outcome = await VerifierFor(v).VerifyAsync(request, v.Service, default);

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task Declared_payload_hash_must_describe_the_body_received()
    {
        // botocore signed with the declared hash, so the signature itself is right; the body is not the signed one.
        var v = SigV4Vector.Named("declared-payload-hash-of-other-body");

        var outcome = await VerifierFor(v).VerifyAsync(v.ToRequest(), v.Service, default);

        Assert.Equal("SignatureDoesNotMatch", outcome.Error?.Code);
    }

    [Fact]
    public async Task Signature_compare_is_exact()
    {
        var v = SigV4Vector.Named("sts-get-caller-identity");
        var request = v.ToRequest(mapHeader: (name, value) => name == "Authorization" ? value.ToUpperInvariant().Replace("AWS4-HMAC-SHA256 CREDENTIAL=AKIAIOSFODNN7EXAMPLE/20261123/US-EAST-1/STS/AWS4_REQUEST, SIGNEDHEADERS=CONTENT-TYPE;HOST;X-AMZ-DATE, SIGNATURE=", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=") : value);
        Assert.Contains("Signature=A70C", request.Headers.First("Authorization"));

        var outcome = await VerifierFor(v).VerifyAsync(request, v.Service, default);

        Assert.Equal("SignatureDoesNotMatch", outcome.Error?.Code);
    }
}
