using CsCheck;
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

public class ArnTemplatePropertyTests
{
    private static readonly ResourceTypeInfo Object = Find("s3", "object");
    private static readonly ResourceTypeInfo Document = Find("ssm", "document");

    private static ResourceTypeInfo Find(string service, string name)
    {
        Assert.True(ActionCatalog.Default.TryGetService(service, out var info));
        Assert.True(info.TryGetResourceType(name, out var type));
        return type;
    }

    [Fact]
    public void Aws_owned_documents_have_an_empty_account() =>
        Assert.True(Document.CouldMatch("arn:aws:ssm:*::document/AWS-RunShellScript"));

    [Fact]
    public void Widening_a_pattern_never_loses_an_overlap()
    {
        // Replacing any character of a pattern by '*' only adds strings, so an overlap must survive.
        var gen = CsCheck.Gen.String[CsCheck.Gen.Char["ab/:*?"], 0, 12].Select(tail => "arn:aws:s3:::" + tail)
            .SelectMany(pattern => CsCheck.Gen.Int[0, pattern.Length - 1].Select(i => (pattern, i)));
        gen.Sample(t =>
        {
            var widened = t.pattern[..t.i] + "*" + t.pattern[(t.i + 1)..];
            return !Object.CouldMatch(t.pattern) || Object.CouldMatch(widened);
        });
    }

    [Fact]
    public void A_literal_arn_overlaps_exactly_when_it_has_the_object_shape()
    {
        var gen = CsCheck.Gen.String[CsCheck.Gen.Char["ab/"], 0, 8];
        gen.Sample(tail =>
        {
            var arn = "arn:aws:s3:::" + tail;
            var slash = tail.IndexOf('/');
            var objectShape = slash >= 0; // bucket (no '/', maybe empty) then '/' then anything
            return Object.CouldMatch(arn) == objectShape;
        });
    }
}
