using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Signing;

public sealed class SigningKeyTests
{
    [Fact]
    public void Derivation_matches_the_AWS_documentation_example()
    {
        // "Deriving the signing key" example from the SigV4 documentation.
        var key = SigningKeyCache.Derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Cache_returns_the_same_key_for_the_same_scope_and_secret()
    {
        var cache = new SigningKeyCache();
        var first = cache.Get("AKID", "secret", "20261123", "us-east-1", "sts");
        var second = cache.Get("AKID", "secret", "20261123", "us-east-1", "sts");

        Assert.Same(first, second);
    }

    [Fact]
    public void Cache_never_serves_a_key_derived_from_another_secret()
    {
        var cache = new SigningKeyCache();
        var old = cache.Get("AKID", "old-secret", "20261123", "us-east-1", "sts");
        var rotated = cache.Get("AKID", "new-secret", "20261123", "us-east-1", "sts");

        Assert.NotEqual(old, rotated);
        Assert.Equal(SigningKeyCache.Derive("new-secret", "20261123", "us-east-1", "sts"), rotated);
    }

    [Theory]
    [InlineData("eu-west-1", "sts")]
    [InlineData("us-east-1", "iam")]
    [InlineData("us-east-1", "organizations")]
    public void Scope_elements_each_change_the_key(string region, string service)
    {
        var baseline = SigningKeyCache.Derive("s", "20261123", "ap-south-1", "sts");
        Assert.NotEqual(baseline, SigningKeyCache.Derive("s", "20261123", region, service));
    }
}
