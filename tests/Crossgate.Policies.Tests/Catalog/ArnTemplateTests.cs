using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Tests.Catalog;

/// <summary>Whether a statement's resource pattern can name a resource of a type, the basis of the linter's
/// "no action in the statement can use this resource" finding.</summary>
public class ArnTemplateTests
{
    private static ResourceTypeInfo Type(string service, string name)
    {
        Assert.True(ActionCatalog.Default.TryGetService(service, out var info));
        Assert.True(info.TryGetResourceType(name, out var type));
        return type;
    }

    [Theory]
    [InlineData("object", "arn:aws:s3:::my-bucket/report.csv", true)]
    [InlineData("object", "arn:aws:s3:::my-bucket/*", true)]
    [InlineData("object", "arn:aws:s3:::my-bucket", false)]
    [InlineData("object", "arn:aws:s3:::*", true)]
    [InlineData("object", "*", true)]
    [InlineData("bucket", "arn:aws:s3:::my-bucket", true)]
    [InlineData("bucket", "arn:aws:s3:::my-bucket/*", false)]
    [InlineData("bucket", "arn:aws:s3:::my-*", true)]
    [InlineData("bucket", "arn:aws:s3:::${aws:username}", true)]
    [InlineData("bucket", "arn:aws:ec2:us-east-1:111111111111:instance/i-1", false)]
    public void S3_bucket_and_object_patterns(string type, string resource, bool expected) =>
        Assert.Equal(expected, Type("s3", type).CouldMatch(resource));

    [Theory]
    [InlineData("arn:aws:iam::222222222222:role/CrossAccount-B", true)]
    [InlineData("arn:aws:iam::222222222222:role/path/to/CrossAccount-B", true)]
    [InlineData("arn:aws:iam::*:role/PlatformResponseRole", true)]
    [InlineData("arn:aws:iam::222222222222:user/alex", false)]
    [InlineData("arn:aws:iam::222222222222:role", false)]
    [InlineData("arn:aws:sts::222222222222:role/x", false)]
    public void Iam_role_patterns(string resource, bool expected) => Assert.Equal(expected, Type("iam", "role").CouldMatch(resource));
}
