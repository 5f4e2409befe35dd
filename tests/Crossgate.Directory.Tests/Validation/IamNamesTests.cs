using Crossgate.Directory.Model;
using Crossgate.Directory.Validation;

namespace Crossgate.Directory.Tests.Validation;

public sealed class IamNamesTests
{
    [Theory]
    [InlineData("alex", true)]
    [InlineData("A-Za-z0-9+=,.@_-", true)]
    [InlineData("has space", false)]
    [InlineData("slash/name", false)]
    [InlineData("ümlaut", false)]
    [InlineData("", false)]
    public void User_names_follow_IAMs_pattern(string name, bool valid) =>
        Assert.Equal(valid, IamNames.UserName(name) is null);

    [Fact]
    public void Too_long_user_name_gets_IAMs_validation_message()
    {
        var name = new string('a', 65);

        var error = IamNames.UserName(name);

        Assert.Equal("ValidationError", error!.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal($"1 validation error detected: Value '{name}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64", error.Message);
    }

    [Fact]
    public void Two_failures_are_counted_and_joined()
    {
        var name = new string('!', 65);

        var error = IamNames.UserName(name);

        Assert.StartsWith("2 validation errors detected: ", error!.Message);
        Assert.Contains("; Value", error.Message);
        Assert.EndsWith(@"Member must satisfy regular expression pattern: [\w+=,.@-]+", error.Message);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Group_and_policy_names_allow_128(int length, bool valid)
    {
        Assert.Equal(valid, IamNames.GroupName(new string('g', length)) is null);
        Assert.Equal(valid, IamNames.PolicyName(new string('p', length)) is null);
        Assert.Equal(length <= 64, IamNames.RoleName(new string('r', length)) is null);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/eng/", true)]
    [InlineData("/eng/team~1/", true)]
    [InlineData("eng/", false)]
    [InlineData("/eng", false)]
    [InlineData("/e ng/", false)]
    [InlineData("//", false)]
    public void Entity_paths_start_and_end_with_a_slash(string path, bool valid) =>
        Assert.Equal(valid, IamNames.EntityPath(path) is null);

    [Fact]
    public void Entity_paths_are_at_most_512()
    {
        Assert.Null(IamNames.EntityPath("/" + new string('a', 510) + "/"));
        Assert.Contains("less than or equal to 512", IamNames.EntityPath("/" + new string('a', 511) + "/")!.Message);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/a/b/", true)]
    [InlineData("/a~b/", false)]
    [InlineData("/a//b/", false)]
    public void Policy_paths_allow_only_name_characters(string path, bool valid) =>
        Assert.Equal(valid, IamNames.PolicyPath(path) is null);

    [Theory]
    [InlineData(3599, "greater than or equal to 3600")]
    [InlineData(43201, "less than or equal to 43200")]
    public void Max_session_duration_is_3600_to_43200(int seconds, string constraint)
    {
        Assert.Null(IamNames.MaxSessionDuration(3600));
        Assert.Null(IamNames.MaxSessionDuration(43200));
        var error = IamNames.MaxSessionDuration(seconds);
        Assert.Equal($"1 validation error detected: Value '{seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value {constraint}", error!.Message);
    }

    [Fact]
    public void Tag_keys_are_unique_ignoring_case()
    {
        var error = IamNames.Tags([new Tag("Team", "a"), new Tag("team", "b")]);

        Assert.Equal("InvalidInput", error!.Code);
        Assert.Equal("Duplicate tag keys found. Please note that Tag keys are case insensitive.", error.Message);
    }

    [Fact]
    public void Tags_check_count_and_characters()
    {
        Assert.Null(IamNames.Tags([new Tag("cost-center:1", "äb c/=+@"), new Tag("empty", "")]));
        Assert.Equal("ValidationError", IamNames.Tags([new Tag("bad*key", "v")])!.Code);
        Assert.Equal("ValidationError", IamNames.Tags(Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList())!.Code);
    }

    [Theory]
    [InlineData("Sh0rt!", false)]
    [InlineData("alllowercase", false)]
    [InlineData("lowerUPPER", false)]
    [InlineData("lowerUPPER1", true)]
    [InlineData("lower1!lower", true)]
    public void Default_password_policy_wants_8_characters_of_three_classes(string password, bool valid)
    {
        var error = PasswordCheck.Check(password, null);

        Assert.Equal(valid, error is null);
        if (error is not null)
        {
            Assert.Equal("PasswordPolicyViolation", error.Code);
        }
    }

    [Fact]
    public void A_custom_password_policy_replaces_the_default()
    {
        var policy = new PasswordPolicy { MinimumPasswordLength = 12, RequireSymbols = true };

        Assert.Equal("Password should have a minimum length of 12", PasswordCheck.Check("lowerUPPER1", policy)!.Message);
        Assert.Equal("Password should have at least one symbol", PasswordCheck.Check("lowercaseonly", policy)!.Message);
        Assert.Null(PasswordCheck.Check("lowercase-only", policy));
    }

    [Theory]
    [InlineData("111111111111", true)]
    [InlineData("011111111111", true)]
    [InlineData("11111111111", false)]
    [InlineData("11111111111a", false)]
    public void Account_ids_are_12_digits(string id, bool valid) => Assert.Equal(valid, IamNames.IsAccountId(id));
}
