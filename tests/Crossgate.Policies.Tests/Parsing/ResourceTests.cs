using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_resource / _notresource and IAM's ARN checks (§2.3).</summary>
public class ResourceTests
{
    private static string WithResource(string resource) => OneStatement("'Effect':'Allow','Action':'s3:*','Resource':" + resource);

    [Theory]
    [InlineData("'*'")]
    [InlineData("'arn:aws:s3:::bucket/*'")]
    [InlineData("'arn:aws:iam::222222222222:role/CrossAccount-B'")]
    [InlineData("'arn:aws:iam::*:role/CrossAccountReadOnlyRole'")]
    [InlineData("'arn:aws:ec2:*:*:instance/*'")]
    [InlineData("'arn:aws:ssm:*::document/AWS-RunShellScript'")]
    [InlineData("'arn:aws-cn:s3:::bucket'")]
    [InlineData("'arn:aws-us-gov:s3:::bucket'")]
    [InlineData("'arn:aws:s3:::home/${aws:username}/*'")]
    [InlineData("'arn:*:s3:::bucket'")]
    [InlineData("'arn:aws:sqs:us-east-1:111111111111:queue'")]
    public void Valid_resources_are_kept(string resource)
    {
        var statement = AssertOk(WithResource(resource), PolicyKind.Identity).Statements[0];
        Assert.True(statement.HasResource);
        Assert.False(statement.IsNotResource);
        Assert.Equal(Q(resource).Trim('"'), Assert.Single(statement.Resources));
    }

    [Fact]
    public void Resource_arrays_keep_order()
    {
        var statement = AssertOk(WithResource("['arn:aws:s3:::b','arn:aws:s3:::b/*']"), PolicyKind.Identity).Statements[0];
        Assert.Equal<string>(["arn:aws:s3:::b", "arn:aws:s3:::b/*"], statement.Resources);
    }

    [Fact]
    public void NotResource_sets_IsNotResource()
    {
        var statement = AssertOk(OneStatement("'Effect':'Deny','Action':'s3:*','NotResource':'arn:aws:s3:::keep'"), PolicyKind.Identity).Statements[0];
        Assert.True(statement.IsNotResource);
        Assert.True(statement.HasResource);
        Assert.Equal<string>(["arn:aws:s3:::keep"], statement.Resources);
    }

    [Fact]
    public void An_empty_resource_is_not_in_ARN_format() =>
        AssertFails(WithResource("''"), PolicyKind.Identity, PolicyMessages.ResourceNotArn(""), "$.Statement.Resource");

    // IAM takes the first part of a resource that does not start with "arn:" as the partition of an ARN it places
    // after "arn:", padded with "*" parts.
    [Theory]
    [InlineData("X", "X", "arn:X:*:*:*:*")]
    [InlineData("bucket", "bucket", "arn:bucket:*:*:*:*")]
    [InlineData("s3:::bucket", "s3", "arn:s3:::bucket:*")]
    [InlineData("ARN:aws:s3:::bucket", "ARN", "arn:ARN:aws:s3:::bucket")]
    public void Resources_not_starting_with_arn_name_their_first_part_as_partition(string resource, string partition, string placed) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity, PolicyMessages.InvalidPartition(partition, placed), "$.Statement.Resource");

    [Fact]
    public void The_partition_message_reads_as_AWS_writes_it() =>
        Assert.Equal("Partition \"X\" is not valid for resource \"arn:X:*:*:*:*\".", PolicyMessages.InvalidPartition("X", "arn:X:*:*:*:*"));

    [Theory]
    [InlineData("arn:awz:s3:::bucket", "awz", "arn:awz:s3:::bucket")]
    [InlineData("arn::s3:::bucket", "", "arn::s3:::bucket")]
    [InlineData("arn:foo", "foo", "arn:foo:*:*:*:*")]
    public void Unknown_partitions_are_refused(string resource, string partition, string placed) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity, PolicyMessages.InvalidPartition(partition, placed), "$.Statement.Resource");

    [Theory]
    [InlineData("arn:aws:s*:::bucket")]
    [InlineData("arn:aws:?3:::bucket")]
    public void Resource_vendor_must_be_literal(string resource) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity, PolicyMessages.ResourceVendorNotQualified, "$.Statement.Resource");

    [Theory]
    [InlineData("arn:aws")]
    [InlineData("arn:aws:s3::bucket")]
    [InlineData("arn:aws:s3")]
    [InlineData("arn:aws::::x")]
    [InlineData("arn:aws::us-east-1:111111111111:thing")]
    public void Too_short_ARNs_and_empty_services_fail_legacy_parsing(string resource) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity, PolicyMessages.LegacyParsingFailed, "$.Statement.Resource");

    [Theory]
    [InlineData("arn:aws:s3:us-west-2::bucket", true)]
    [InlineData("arn:aws:s3:us-west-2:123456789012:test/athena", true)]
    [InlineData("arn:aws:s3::123456789012:bucket/key", false)]
    [InlineData("arn:aws:s3:*::bucket/*", true)]
    public void S3_bucket_and_object_ARNs_carry_no_region_or_account(string resource, bool region) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity,
            region ? PolicyMessages.ResourceWithRegion(resource) : PolicyMessages.ResourceWithAccount(resource), "$.Statement.Resource");

    [Theory]
    [InlineData("arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point")]
    [InlineData("arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/*")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:job/*")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:storage-lens/default")]
    [InlineData("arn:aws:s3:*:123456789012:*")]
    public void Other_S3_resource_types_keep_region_and_account(string resource) =>
        AssertOk(WithResource("'" + resource + "'"), PolicyKind.Identity);

    [Theory]
    [InlineData("arn:aws:iam::111111111111:thing/x")]
    [InlineData("arn:aws:iam::111111111111:Role/x")]
    [InlineData("arn:aws:iam::111111111111:*role")]
    public void IAM_resources_start_with_a_resource_type(string resource) =>
        AssertFails(WithResource("'" + resource + "'"), PolicyKind.Identity, PolicyMessages.IamResourcePath, "$.Statement.Resource");

    [Theory]
    [InlineData("arn:aws:iam::111111111111:*")]
    [InlineData("arn:aws:iam::*:role/*")]
    [InlineData("arn:aws:iam::111111111111:user/division/${aws:username}")]
    [InlineData("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com")]
    public void IAM_resources_with_a_resource_type_are_accepted(string resource) =>
        AssertOk(WithResource("'" + resource + "'"), PolicyKind.Identity);

    [Fact]
    public void IAM_resources_cannot_carry_a_region() =>
        AssertFails(WithResource("['*','arn:aws:iam:us-east-1:111111111111:role/R']"), PolicyKind.Identity,
            PolicyMessages.IamResourceWithRegion("arn:aws:iam:us-east-1:111111111111:role/R"), "$.Statement.Resource[1]");

    [Fact]
    public void Identity_statements_without_resources_are_refused() =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:*'"), PolicyKind.Identity, PolicyMessages.MustContainResources, "$.Statement");

    [Theory]
    [InlineData("'Resource':[]", "$.Statement.Resource")]
    [InlineData("'NotResource':[]", "$.Statement.NotResource")]
    public void Empty_resource_lists_are_refused(string element, string path) =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:*'," + element), PolicyKind.Identity, PolicyMessages.MustContainResources, path);

    [Fact]
    public void Resource_and_NotResource_together_is_a_syntax_error() =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:*','Resource':'*','NotResource':'arn:aws:s3:::b'"), PolicyKind.Identity, Syntax, "$.Statement.NotResource");

    [Theory]
    [InlineData("7", "$.Statement.Resource")]
    [InlineData("{}", "$.Statement.Resource")]
    [InlineData("['*',false]", "$.Statement.Resource[1]")]
    public void Wrongly_typed_resources_are_syntax_errors(string resource, string path) =>
        AssertFails(WithResource(resource), PolicyKind.Identity, Syntax, path);
}
