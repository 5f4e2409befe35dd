using Crossgate.Authorization;
using Crossgate.Platform.Templates;
using Crossgate.Platform.Tests.Support;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Linting;

namespace Crossgate.Platform.Tests.Templates;

public class CallerPolicyBuilderTests
{
    [Fact]
    public void The_caller_policy_allows_assuming_the_role_in_every_account_and_nothing_else()
    {
        var result = CallerPolicyBuilder.Build("PlatformResponseRole");

        Assert.True(result.Success);
        var statement = Assert.Single(result.Document.Statements);
        Assert.Equal("arn:aws:iam::*:role/PlatformResponseRole", Assert.Single(statement.Resources));
        Assert.DoesNotContain(PolicyLinter.Default.Lint(result.Document), f => f.Severity == FindingSeverity.Error);

        // Each target role trusts the platform's account, so the caller's own policy decides.
        var trust = RoleTemplateBuilder.Build(new RoleTemplateRequest { TrustedAccountId = Requests.PlatformAccount }).TrustPolicy!;
        var policies = new PolicySet
        {
            IdentityPolicies = [CompiledPolicy.Compile(result.Document)],
            ResourcePolicy = CompiledPolicy.Compile(trust),
        };
        var session = Requests.PlatformSession();
        Assert.True(Requests.Allowed(policies, session, StsActions.AssumeRole, "arn:aws:iam::333333333333:role/PlatformResponseRole"));
        Assert.False(Requests.Allowed(policies, session, StsActions.AssumeRole, "arn:aws:iam::333333333333:role/OtherRole"));
        Assert.False(Requests.Allowed(Requests.Identity(result.Document), session, "s3:ListAllMyBuckets", "*"));
    }

    [Fact]
    public void A_path_is_part_of_the_resource()
    {
        var result = CallerPolicyBuilder.Build("Responder", "/platform/ir/");
        Assert.True(result.Success);
        Assert.Equal("arn:aws:iam::*:role/platform/ir/Responder", Assert.Single(Assert.Single(result.Document.Statements).Resources));
    }

    [Fact]
    public void Given_its_own_arn_the_caller_may_simulate_and_read_its_own_policies_and_nobody_elses()
    {
        const string self = "arn:aws:iam::111111111111:role/PlatformRole";
        var result = CallerPolicyBuilder.Build("PlatformResponseRole", callerArn: self);

        Assert.True(result.Success);
        Assert.Equal(3, result.Document.Statements.Length);
        Assert.DoesNotContain(PolicyLinter.Default.Lint(result.Document), f => f.Severity == FindingSeverity.Error);
        var policies = Requests.Identity(result.Document);
        var session = Requests.PlatformSession();
        Assert.True(Requests.Allowed(policies, session, "iam:SimulatePrincipalPolicy", self));
        Assert.True(Requests.Allowed(policies, session, "iam:ListAttachedRolePolicies", self));
        Assert.True(Requests.Allowed(policies, session, "iam:GetPolicyVersion", "arn:aws:iam::aws:policy/AdministratorAccess"));
        Assert.False(Requests.Allowed(policies, session, "iam:SimulatePrincipalPolicy", "arn:aws:iam::111111111111:role/Other"));
        Assert.False(Requests.Allowed(policies, session, "iam:GetUserPolicy", self));
        Assert.False(Requests.Allowed(policies, session, "iam:GetPolicyVersion", "arn:aws:iam::222222222222:policy/Theirs"));
    }

    [Fact]
    public void A_user_caller_reads_its_user_policies()
    {
        var result = CallerPolicyBuilder.Build("R", callerArn: "arn:aws:iam::111111111111:user/platform");
        Assert.True(result.Success);
        Assert.Contains("iam:ListUserPolicies", result.Document.Statements[1].Actions);
    }

    [Theory]
    [InlineData("arn:aws:sts::111111111111:assumed-role/PlatformRole/session")]
    [InlineData("arn:aws:iam::111111111111:root")]
    [InlineData("arn:aws:iam::1111:role/R")]
    [InlineData("arn:aws:iam::111111111111:role/*")]
    public void A_caller_that_is_not_a_user_or_role_is_an_input_error(string callerArn)
    {
        var result = CallerPolicyBuilder.Build("R", callerArn: callerArn);
        Assert.False(result.Success);
        Assert.Equal(TemplateErrorKind.InvalidInput, result.Error.Kind);
        Assert.Contains("not the ARN of an IAM user or role", result.Error.Message);
    }

    [Theory]
    [InlineData("Bad Name", "/")]
    [InlineData("Role", "platform/")]
    [InlineData("Role", "/platform")]
    public void Bad_names_and_paths_are_input_errors(string roleName, string path)
    {
        var result = CallerPolicyBuilder.Build(roleName, path);
        Assert.False(result.Success);
        Assert.Equal(TemplateErrorKind.InvalidInput, result.Error.Kind);
    }
}
