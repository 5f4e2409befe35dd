using Crossgate.Server.Protocols;

namespace Crossgate.Server.Tests.Protocols;

public sealed class AwsServiceTests
{
    [Theory]
    [InlineData("iam", "iam")]
    [InlineData("sts", "sts")]
    [InlineData("organizations", "organizations")]
    [InlineData("s3", null)]
    [InlineData(null, null)]
    public void By_signing_name(string? name, string? expected) =>
        Assert.Equal(expected, AwsService.BySigningName(name)?.SigningName);

    [Theory]
    [InlineData("2010-05-08", "iam")]
    [InlineData("2011-06-15", "sts")]
    [InlineData("2016-11-28", null)]
    public void By_query_version(string version, string? expected) =>
        Assert.Equal(expected, AwsService.ByQueryVersion(version)?.SigningName);

    [Fact]
    public void Namespaces_are_the_documented_ones()
    {
        Assert.Equal("https://iam.amazonaws.com/doc/2010-05-08/", AwsService.Iam.XmlNamespace);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", AwsService.Sts.XmlNamespace);
        Assert.Equal("AWSOrganizationsV20161128", AwsService.Organizations.TargetPrefix);
    }
}
