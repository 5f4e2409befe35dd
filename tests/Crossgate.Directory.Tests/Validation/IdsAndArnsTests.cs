using System.Text.RegularExpressions;
using Crossgate.Directory.Iam;

namespace Crossgate.Directory.Tests.Validation;

public sealed class IdsAndArnsTests
{
    [Fact]
    public void Unique_ids_have_AWS_prefixes_and_shapes()
    {
        Assert.Matches("^AIDA[A-Z2-7]{17}$", UniqueIds.NewUserId());
        Assert.Matches("^AROA[A-Z2-7]{17}$", UniqueIds.NewRoleId());
        Assert.Matches("^AGPA[A-Z2-7]{17}$", UniqueIds.NewGroupId());
        Assert.Matches("^ANPA[A-Z2-7]{17}$", UniqueIds.NewPolicyId());
        Assert.Matches("^AKIA[A-Z2-7]{16}$", UniqueIds.NewAccessKeyId());
        Assert.Matches("^ASIA[A-Z2-7]{16}$", UniqueIds.NewTemporaryAccessKeyId());
        Assert.Equal(40, UniqueIds.NewSecretAccessKey().Length);
        // Organizations' own patterns (botocore): o-[a-z0-9]{10,32}, r-[0-9a-z]{4,32}, ou-…-…, p-….
        Assert.Matches("^o-[a-z0-9]{10}$", UniqueIds.NewOrganizationId());
        var root = UniqueIds.NewRootId();
        Assert.Matches("^r-[0-9a-z]{4}$", root);
        Assert.Matches($"^ou-{Regex.Escape(root[2..])}-[a-z0-9]{{8}}$", UniqueIds.NewOrganizationalUnitId(root));
        Assert.Matches("^p-[0-9a-zA-Z_]{8}$", UniqueIds.NewOrganizationPolicyId());
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:user/alex", "111111111111", "user", "/", "alex")]
    [InlineData("arn:aws:iam::111111111111:role/a/b/R", "111111111111", "role", "/a/b/", "R")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaRole", "aws", "policy", "/service-role/", "AWSLambdaRole")]
    public void Iam_arns_split_into_parts(string arn, string account, string type, string path, string name)
    {
        Assert.True(IamArns.TryParseIam(arn, out var parts));
        Assert.Equal(new IamArnParts(account, type, path, name), parts);
    }

    [Fact]
    public void Totp_matches_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890" at T=59 → 94287082 (8 digits), i.e. 287082 in 6.
        var seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(seed, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.True(Totp.Verify(seed, "287082", DateTimeOffset.FromUnixTimeSeconds(80)));
        Assert.False(Totp.Verify(seed, "287083", DateTimeOffset.FromUnixTimeSeconds(59)));
    }
}
