using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Signing;

public sealed class CanonicalRequestTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/a/b", "/a/b")]
    [InlineData("/a/./b/../c/", "/a/c/")]
    [InlineData("//a///b", "/a/b")]
    [InlineData("/../..", "/")]
    [InlineData("/a%20b", "/a%2520b")]         // non-S3 services encode the encoded path again
    [InlineData("/caf\u00e9", "/caf%C3%A9")]
    [InlineData("/a~b_c-d.e", "/a~b_c-d.e")]
    public void Canonical_uri(string raw, string expected) =>
        Assert.Equal(expected, CanonicalRequest.CanonicalUri(raw));

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("a=2&a=1", "a=1&a=2")]
    [InlineData("a=x+y", "a=x%20y")]
    [InlineData("a=x%20y", "a=x%20y")]
    [InlineData("a=%2a%7e", "a=%2A~")]
    [InlineData("flag", "flag=")]
    [InlineData("k=caf%C3%A9&B=1", "B=1&k=caf%C3%A9")]  // sorted by byte value: upper case first
    [InlineData("X-Amz-Signature=abc&a=1", "a=1")]
    public void Canonical_query_for_presigned_requests(string raw, string expected) =>
        Assert.Equal(expected, CanonicalRequest.CanonicalQuery(raw, excludeSignature: true));

    [Fact]
    public void Signature_parameter_is_kept_when_not_presigned() =>
        Assert.Equal("X-Amz-Signature=abc", CanonicalRequest.CanonicalQuery("X-Amz-Signature=abc", excludeSignature: false));

    [Theory]
    [InlineData(new[] { "  a   b  " }, "a b")]
    [InlineData(new[] { "a\tb" }, "a b")]
    [InlineData(new[] { "x", " y " }, "x,y")]
    [InlineData(new[] { "" }, "")]
    public void Canonical_header_value(string[] values, string expected) =>
        Assert.Equal(expected, CanonicalRequest.CanonicalHeaderValue(values));

    [Fact]
    public void Empty_payload_hash_constant_is_sha256_of_nothing() =>
        Assert.Equal(CanonicalRequest.EmptyPayloadHash, CanonicalRequest.HexSha256(ReadOnlySpan<byte>.Empty));
}
