using Crossgate.Platform.Registry;

namespace Crossgate.Platform.Tests.Registry;

public class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("arn:aws:iam::222222222222:role/PlatformResponseRole", "222222222222")]
    [InlineData("arn:aws:iam::222222222222:role/ops/platform/PlatformResponseRole", "222222222222")]
    [InlineData("arn:aws-us-gov:iam::333333333333:role/R", "333333333333")]
    public void A_well_formed_role_arn_is_accepted_with_its_account(string arn, string account)
    {
        var (registered, error) = RegistrationRules.Validate("b", arn, null, null, RegistryPolicy.None, Now);

        Assert.Null(error);
        Assert.Equal(account, registered!.AccountId);
        Assert.Equal(arn, registered.RoleArn);
        Assert.Equal(3600, registered.SessionDuration);
        Assert.Equal(Now, registered.RegisteredAt);
    }

    [Theory]
    [InlineData("arn:aws:iam::22222222222:role/R", "12-digit account")]
    [InlineData("arn:aws:iam::2222222222223:role/R", "12-digit account")]
    [InlineData("arn:aws:iam::22222222222a:role/R", "12-digit account")]
    [InlineData("arn:aws:iam::222222222222:user/R", "not a role")]
    [InlineData("arn:aws:s3:::bucket", "not an IAM role ARN")]
    [InlineData("PlatformResponseRole", "not an IAM role ARN")]
    [InlineData("arn:aws:iam::222222222222:role/", "")]
    public void A_malformed_role_arn_is_refused_saying_what_is_wrong(string arn, string expected)
    {
        var (registered, error) = RegistrationRules.Validate("b", arn, null, null, RegistryPolicy.None, Now);

        Assert.Null(registered);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_role_whose_name_lacks_the_required_fragment_is_refused_with_a_message_saying_so()
    {
        var policy = new RegistryPolicy("Crossgate");

        var (refused, error) = RegistrationRules.Validate("b", "arn:aws:iam::222222222222:role/Crossgate/AdminRole", null, null, policy, Now);
        var (accepted, none) = RegistrationRules.Validate("c", "arn:aws:iam::222222222222:role/CrossgateResponse", null, null, policy, Now);

        Assert.Null(refused);
        Assert.Contains("'AdminRole' does not contain 'Crossgate'", error);
        Assert.Contains("--require-role-name-contains", error);
        Assert.Null(none);
        Assert.NotNull(accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-starts-with-dash")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void Unusable_aliases_are_refused(string alias)
    {
        var (registered, error) = RegistrationRules.Validate(alias, "arn:aws:iam::222222222222:role/R", null, null, RegistryPolicy.None, Now);

        Assert.Null(registered);
        Assert.Contains("alias", error);
    }

    [Theory]
    [InlineData(899, false)]
    [InlineData(900, true)]
    [InlineData(43200, true)]
    [InlineData(43201, false)]
    public void Session_duration_must_be_one_sts_accepts(int seconds, bool ok)
    {
        var (registered, error) = RegistrationRules.Validate("b", "arn:aws:iam::222222222222:role/R", null, seconds, RegistryPolicy.None, Now);

        Assert.Equal(ok, registered is not null);
        Assert.Equal(ok, error is null);
    }

    [Theory]
    [InlineData("x", false)]
    [InlineData("crossgate-example-external-id", true)]
    [InlineData("has space", false)]
    [InlineData("a+b=c,d.e@f:g/h-i_j", true)]
    public void External_ids_follow_sts_rules(string externalId, bool ok)
    {
        var (registered, _) = RegistrationRules.Validate("b", "arn:aws:iam::222222222222:role/R", externalId, null, RegistryPolicy.None, Now);

        Assert.Equal(ok, registered is not null);
    }

    [Fact]
    public void Discovered_accounts_are_aliased_by_their_name_made_safe_and_unique()
    {
        var taken = new HashSet<string>(["prod"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal("Security-Tooling-EU", RegistrationRules.AliasFromName("Security Tooling (EU)", "111111111111", taken));
        Assert.Equal("Prod-222222222222", RegistrationRules.AliasFromName("Prod", "222222222222", taken));
        Assert.Equal("333333333333", RegistrationRules.AliasFromName("  ---  ", "333333333333", taken));
        Assert.Equal("Security-Tooling-EU-444444444444", RegistrationRules.AliasFromName("Security/Tooling/EU", "444444444444", taken));
        var longName = RegistrationRules.AliasFromName(new string('a', 100), "555555555555", taken);
        Assert.Equal(64, longName.Length);
        taken.UnionWith(["dev", "Dev-666666666666"]);
        Assert.Equal("666666666666", RegistrationRules.AliasFromName("Dev", "666666666666", taken));
        Assert.Equal("666666666666-2", RegistrationRules.AliasFromName("dev", "666666666666", taken));
        Assert.All(taken, alias => Assert.Null(RegistrationRules.CheckAlias(alias)));
    }
}
