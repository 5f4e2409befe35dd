using System.Text.Json.Nodes;
using Crossgate.Authorization;
using Crossgate.Platform.Templates;
using Crossgate.Platform.Tests.Support;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Platform.Tests.Templates;

public class RoleTemplateBuilderTests
{
    private const string Groups = """
        {"Version":"2012-10-17","Statement":[{"Sid":"ReadOnlyInventory","Effect":"Allow","Action":["ec2:Describe*","s3:ListAllMyBuckets"],"Resource":"*"}]}
        """;

    private static JsonObject Role(JsonObject template) => template["Resources"]![RoleTemplateBuilder.RoleLogicalId]!.AsObject();

    private static JsonObject Properties(JsonObject template) => Role(template)["Properties"]!.AsObject();

    [Fact]
    public void The_default_template_trusts_the_account_root_through_a_parameter()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = "111111111111" });

        Assert.True(result.Success, result.Error?.ToString());
        var template = result.Template;
        Assert.Equal("2010-09-09", (string?)template["AWSTemplateFormatVersion"]);
        Assert.Equal("AWS::IAM::Role", (string?)Role(template)["Type"]);
        Assert.Equal("111111111111", (string?)template["Parameters"]!["TrustedAccountId"]!["Default"]);
        Assert.Equal(3600, (int?)template["Parameters"]!["MaxSessionDuration"]!["Default"]);
        var principal = Properties(template)["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["AWS"]!;
        Assert.Equal("arn:${AWS::Partition}:iam::${TrustedAccountId}:root", (string?)principal["Fn::Sub"]);
        Assert.Null(Properties(template)["AssumeRolePolicyDocument"]!["Statement"]![0]!["Condition"]);
        Assert.Equal("Arn", (string?)template["Outputs"]!["RoleArn"]!["Value"]!["Fn::GetAtt"]![1]);
        Assert.Equal([RoleTemplateBuilder.SelfCheckPolicyName], Properties(template)["Policies"]!.AsArray().Select(p => (string?)p!["PolicyName"]));
        Assert.Null(Properties(template)["ManagedPolicyArns"]);
    }

    [Fact]
    public void The_self_check_statement_is_scoped_to_the_role_itself_and_can_be_left_out()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = "111111111111" });
        var statements = Properties(result.Template)["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();

        Assert.Equal(RoleTemplateBuilder.SelfCheckRoleActions, statements[0]!["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}", (string?)statements[0]!["Resource"]!["Fn::Sub"]);
        Assert.Equal(["iam:GetPolicy", "iam:GetPolicyVersion"], statements[1]!["Action"]!.AsArray().Select(a => (string?)a));

        var without = RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = "111111111111", IncludeSelfCheck = false });
        Assert.Null(Properties(without.Template)["Policies"]);
    }

    [Fact]
    public void Nothing_in_the_template_names_a_target_account()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            ManagedPolicyArns = ["arn:aws:iam::222222222222:policy/ops/Extra", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
        });

        Assert.True(result.Success);
        var text = result.Template.ToJsonString();
        Assert.DoesNotContain("222222222222", text);
        var arns = Properties(result.Template)["ManagedPolicyArns"]!.AsArray();
        Assert.Equal("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/ops/Extra", (string?)arns[0]!["Fn::Sub"]);
        Assert.Equal("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess", (string?)arns[1]!["Fn::Sub"]);
    }

    [Fact]
    public void A_trusted_role_and_external_id_become_parameters_and_a_condition()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            TrustedRoleArn = Requests.PlatformRoleArn,
            ExternalId = "platform-7f3a",
            RoleName = "PlatformResponseRole",
            MaxSessionDuration = 7200,
        });

        Assert.True(result.Success, result.Error?.ToString());
        var statement = Properties(result.Template)["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal("TrustedRoleArn", (string?)statement["Principal"]!["AWS"]!["Ref"]);
        Assert.Equal("ExternalId", (string?)statement["Condition"]!["StringEquals"]!["sts:ExternalId"]!["Ref"]);
        Assert.Null(result.Template["Parameters"]!["TrustedAccountId"]);
        Assert.Equal("platform-7f3a", (string?)result.Template["Parameters"]!["ExternalId"]!["Default"]);
        Assert.Equal(7200, (int?)result.Template["Parameters"]!["MaxSessionDuration"]!["Default"]);

        Assert.Equal(PolicyKind.Trust, result.TrustPolicy.Kind);
        var trusted = Assert.Single(result.TrustPolicy.Statements);
        Assert.Equal(Requests.PlatformRoleArn, Assert.Single(trusted.Principal!.Aws));
        Assert.Equal("platform-7f3a", Assert.Single(Assert.Single(trusted.Condition.Conditions).Values));
    }

    [Fact]
    public void The_installed_trust_policy_admits_only_the_platform_role_with_the_external_id()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            TrustedRoleArn = Requests.PlatformRoleArn,
            ExternalId = "platform-7f3a",
            RoleName = "PlatformResponseRole",
        });
        var caller = CallerPolicyBuilder.Build("PlatformResponseRole");
        Assert.True(result.Success && caller.Success);

        var policies = new PolicySet
        {
            IdentityPolicies = [CompiledPolicy.Compile(caller.Document)],
            ResourcePolicy = CompiledPolicy.Compile(result.TrustPolicy),
        };
        const string target = "arn:aws:iam::222222222222:role/PlatformResponseRole";
        Assert.True(Requests.Allowed(policies, Requests.PlatformSession(), StsActions.AssumeRole, target, externalId: "platform-7f3a"));
        Assert.False(Requests.Allowed(policies, Requests.PlatformSession(), StsActions.AssumeRole, target));
        Assert.False(Requests.Allowed(policies, Requests.PlatformSession(), StsActions.AssumeRole, target, externalId: "wrong"));
        Assert.False(Requests.Allowed(policies, Requests.PlatformSession(roleName: "OtherRole"), StsActions.AssumeRole, target, externalId: "platform-7f3a"));
        Assert.False(Requests.Allowed(policies, Requests.PlatformSession(account: "444444444444"), StsActions.AssumeRole, target, externalId: "platform-7f3a"));
    }

    [Fact]
    public void Inline_policies_are_embedded_as_written()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            InlinePolicies = [new InlinePolicySource("PlatformPermissionGroups", Groups)],
            IncludeSelfCheck = false,
        });

        Assert.True(result.Success, result.Error?.ToString());
        var policy = Assert.Single(Properties(result.Template)["Policies"]!.AsArray())!;
        Assert.Equal("PlatformPermissionGroups", (string?)policy["PolicyName"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Groups), policy["PolicyDocument"]));
    }

    [Fact]
    public void An_invalid_policy_is_refused_with_iams_error()
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            InlinePolicies = [new InlinePolicySource("Broken", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""")],
        });

        Assert.False(result.Success);
        Assert.Equal(TemplateErrorKind.InvalidPolicy, result.Error.Kind);
        Assert.Contains(result.Error.PolicyErrors, e => e.Code == PolicyError.MalformedPolicyDocument);
    }

    [Theory]
    [InlineData("11111111111", null, "CrossgatePlatformRole", null, null, "12-digit")]
    [InlineData("11111111111a", null, "CrossgatePlatformRole", null, null, "12-digit")]
    [InlineData("111111111111", null, "", null, null, "role name")]
    [InlineData("111111111111", null, "Has Space", null, null, "role name")]
    [InlineData("111111111111", null, "A2345678901234567890123456789012345678901234567890123456789012345", null, null, "role name")]
    [InlineData("111111111111", null, "Role", "x", null, "external id")]
    [InlineData("111111111111", null, "Role", "bad id!", null, "external id")]
    [InlineData("111111111111", null, "Role", null, 3599, "3600")]
    [InlineData("111111111111", null, "Role", null, 43201, "43200")]
    [InlineData("111111111111", "arn:aws:iam::333333333333:role/PlatformRole", "Role", null, null, "not to the trusted account")]
    [InlineData("111111111111", "arn:aws:iam::111111111111:user/alex", "Role", null, null, "not a role")]
    [InlineData("111111111111", "arn:aws:iam::1111:role/PlatformRole", "Role", null, null, "12-digit")]
    public void Bad_values_are_refused_as_input_errors(string account, string? trustedRole, string roleName, string? externalId, int? duration, string expected)
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = account,
            TrustedRoleArn = trustedRole,
            RoleName = roleName,
            ExternalId = externalId,
            MaxSessionDuration = duration,
        });

        Assert.False(result.Success);
        Assert.Equal(TemplateErrorKind.InvalidInput, result.Error.Kind);
        Assert.Contains(expected, result.Error.Message);
    }

    [Theory]
    [InlineData("A234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("a+=,.@_-9")]
    public void Boundary_role_names_are_accepted(string roleName)
    {
        Assert.True(RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = "111111111111", RoleName = roleName, MaxSessionDuration = 43200, ExternalId = "ab" }).Success);
    }

    [Theory]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", true)]
    [InlineData("arn:aws:iam::222222222222:policy/path/Name", true)]
    [InlineData("arn:aws:iam::2222:policy/Name", false)]
    [InlineData("arn:aws:iam::aws:role/Name", false)]
    [InlineData("ReadOnlyAccess", false)]
    public void Managed_policy_arns_are_checked(string arn, bool valid)
    {
        var result = RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = "111111111111", ManagedPolicyArns = [arn] });
        Assert.Equal(valid, result.Success);
    }
}
