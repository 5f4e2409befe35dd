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
