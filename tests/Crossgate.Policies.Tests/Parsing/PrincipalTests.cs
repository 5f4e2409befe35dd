using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_principal / _notprincipal: every principal form (§2.4).</summary>
public class PrincipalTests
{
    private static string WithPrincipal(string principal, string element = "Principal", string effect = "Allow") =>
        OneStatement("'Effect':'" + effect + "','" + element + "':" + principal + ",'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'");

    private static PrincipalSet Read(string principal) => AssertOk(WithPrincipal(principal), PolicyKind.Resource).Statements[0].Principal!;

    [Theory]
    [InlineData("'*'")]
    [InlineData("{'AWS':'*'}")]
    [InlineData("{'AWS':['*']}")]
    public void Star_and_AWS_star_are_the_wildcard(string principal)
    {
        var set = Read(principal);
        Assert.True(set.IsWildcard);
        Assert.Empty(set.Aws);
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("012345678901")]
    [InlineData("arn:aws:iam::111111111111:root")]
    [InlineData("arn:aws:iam::111111111111:user/alex")]
    [InlineData("arn:aws:iam::111111111111:user/division/alex")]
    [InlineData("arn:aws:iam::111111111111:role/PlatformRole")]
    [InlineData("arn:aws:iam::111111111111:role/path/to/PlatformRole")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/PlatformRole/session-1")]
    [InlineData("arn:aws:sts::111111111111:federated-user/bob")]
    [InlineData("arn:aws-cn:iam::111111111111:root")]
    [InlineData("AROAJQABLZS4A3QDU576Q")]
    [InlineData("AIDAJQABLZS4A3QDU576Q")]
    public void AWS_principal_forms_are_kept_as_written(string value)
    {
        var set = Read("{'AWS':'" + value + "'}");
        Assert.False(set.IsWildcard);
        Assert.Equal<string>([value], set.Aws);
    }

    [Fact]
    public void AWS_principal_arrays_keep_every_entry()
    {
        var set = Read("{'AWS':['111111111111','arn:aws:iam::222222222222:role/PlatformResponseRole']}");
        Assert.Equal<string>(["111111111111", "arn:aws:iam::222222222222:role/PlatformResponseRole"], set.Aws);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("11111111111")]
    [InlineData("1111111111111")]
    [InlineData("arn:aws:iam::111111111111:role/*")]
    [InlineData("arn:aws:iam::*:root")]
    [InlineData("arn:aws:iam::111111111111:group/admins")]
    [InlineData("arn:aws:iam::111111111111:user/")]
    [InlineData("arn:aws:iam:us-east-1:111111111111:root")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/PlatformRole")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/PlatformRole/*")]
    [InlineData("arn:aws:iam::alias:root")]
    [InlineData("AROA")]
    [InlineData("")]
    public void Invalid_AWS_principals_are_refused_naming_the_value(string value) =>
        AssertFails(WithPrincipal("{'AWS':['111111111111','" + value + "']}"), PolicyKind.Resource,
            PolicyMessages.InvalidPrincipal("AWS", value), "$.Statement.Principal.AWS[1]");

    [Fact]
    public void Invalid_principal_message_matches_AWS_text() =>
        Assert.Equal("Invalid principal in policy: \"AWS\":\"foo\"", PolicyMessages.InvalidPrincipal("AWS", "foo"));

    [Theory]
    [InlineData("ec2.amazonaws.com")]
    [InlineData("lambda.amazonaws.com")]
    public void Service_principals_are_kept(string service) =>
        Assert.Equal<string>([service], Read("{'Service':'" + service + "'}").Service);

    [Fact]
    public void Service_principal_arrays_are_kept() =>
        Assert.Equal<string>(["ec2.amazonaws.com", "ssm.amazonaws.com"], Read("{'Service':['ec2.amazonaws.com','ssm.amazonaws.com']}").Service);

    [Theory]
    [InlineData("*")]
    [InlineData("*.amazonaws.com")]
    [InlineData("")]
    public void Service_principals_cannot_be_wildcards_or_empty(string service) =>
        AssertFails(WithPrincipal("{'Service':'" + service + "'}"), PolicyKind.Resource, PolicyMessages.InvalidPrincipal("SERVICE", service), "$.Statement.Principal.Service");

    [Theory]
    [InlineData("arn:aws:iam::111111111111:saml-provider/Okta")]
    [InlineData("cognito-identity.amazonaws.com")]
    [InlineData("arn:aws:iam::111111111111:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE")]
    public void Federated_principals_are_kept(string federated) =>
        Assert.Equal<string>([federated], Read("{'Federated':'" + federated + "'}").Federated);

    [Fact]
    public void CanonicalUser_principals_are_kept() =>
        Assert.Equal<string>(["79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"],
            Read("{'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}").CanonicalUser);

    [Fact]
    public void Several_principal_types_combine()
    {
        var set = Read("{'AWS':'111111111111','Service':'ec2.amazonaws.com','Federated':'accounts.google.com'}");
        Assert.Equal<string>(["111111111111"], set.Aws);
        Assert.Equal<string>(["ec2.amazonaws.com"], set.Service);
        Assert.Equal<string>(["accounts.google.com"], set.Federated);
    }

    [Theory]
    [InlineData("{}", "$.Statement.Principal")]
    [InlineData("{'AWS':[]}", "$.Statement.Principal")]
    [InlineData("{'AWS':[],'Service':[]}", "$.Statement.Principal")]
    public void Principals_naming_nobody_are_refused(string principal, string path) =>
        AssertFails(WithPrincipal(principal), PolicyKind.Resource, PolicyMessages.NoPrincipals, path);

    [Theory]
    [InlineData("'111111111111'", "$.Statement.Principal")]
    [InlineData("'arn:aws:iam::111111111111:root'", "$.Statement.Principal")]
    [InlineData("['*']", "$.Statement.Principal")]
    [InlineData("null", "$.Statement.Principal")]
    [InlineData("5", "$.Statement.Principal")]
    [InlineData("{'aws':'111111111111'}", "$.Statement.Principal.aws")]
    [InlineData("{'User':'alex'}", "$.Statement.Principal.User")]
    [InlineData("{'AWS':5}", "$.Statement.Principal.AWS")]
    [InlineData("{'AWS':{'id':'111111111111'}}", "$.Statement.Principal.AWS")]
    [InlineData("{'AWS':['111111111111',1]}", "$.Statement.Principal.AWS[1]")]
    [InlineData("{'AWS':'111111111111','AWS':'222222222222'}", "$.Statement.Principal.AWS")]
    public void Misshapen_principals_are_syntax_errors(string principal, string path) =>
        AssertFails(WithPrincipal(principal), PolicyKind.Resource, Syntax, path);

    [Fact]
    public void NotPrincipal_is_read_with_IsNotPrincipal()
    {
        var statement = AssertOk(WithPrincipal("{'AWS':'arn:aws:iam::111111111111:root'}", "NotPrincipal", "Deny"), PolicyKind.Resource).Statements[0];
        Assert.True(statement.IsNotPrincipal);
        Assert.Equal<string>(["arn:aws:iam::111111111111:root"], statement.Principal!.Aws);
    }

    [Fact]
    public void Principal_and_NotPrincipal_together_is_a_syntax_error() =>
        AssertFails(OneStatement("'Effect':'Deny','Principal':'*','NotPrincipal':{'AWS':'111111111111'},'Action':'s3:*','Resource':'*'"),
            PolicyKind.Resource, Syntax, "$.Statement.NotPrincipal");

    [Fact]
    public void NotPrincipal_with_Allow_is_unsupported() =>
        AssertFails(WithPrincipal("{'AWS':'111111111111'}", "NotPrincipal", "Allow"), PolicyKind.Resource, Syntax, "$.Statement.NotPrincipal");

    [Fact]
    public void Identity_statements_have_no_principal() =>
        Assert.Null(AssertOk(IdentityStatement(string.Empty), PolicyKind.Identity).Statements[0].Principal);
}
