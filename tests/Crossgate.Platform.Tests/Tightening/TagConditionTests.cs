using Crossgate.Platform.Tightening;

namespace Crossgate.Platform.Tests.Tightening;

public class TagConditionTests
{
    [Theory]
    [InlineData("ssm:SendCommand=SSMEnabled:True", "ssm:SendCommand", "SSMEnabled", "True")]
    [InlineData("ec2:*=team:a:b", "ec2:*", "team", "a:b")]
    [InlineData("*=Owner:", "*", "Owner", "")]
    public void Valid_conditions_are_read(string text, string pattern, string key, string value)
    {
        Assert.True(TagCondition.TryParse(text, out var condition, out var error), error);
        Assert.Equal(new TagCondition(pattern, key, value), condition);
    }

    [Theory]
    [InlineData("ssm:SendCommand")]
    [InlineData("ssm:SendCommand=SSMEnabled")]
    [InlineData("=SSMEnabled:True")]
    [InlineData("SendCommand=SSMEnabled:True")]
    [InlineData("ssm:=SSMEnabled:True")]
    [InlineData("ssm:SendCommand=:True")]
    [InlineData("ssm:SendCommand=KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK:v")]
    public void Malformed_conditions_are_refused(string text)
    {
        Assert.False(TagCondition.TryParse(text, out var condition, out var error));
        Assert.Null(condition);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("ssm:SendCommand", "SSM:sendcommand", true)]
    [InlineData("ssm:Send*", "ssm:SendCommand", true)]
    [InlineData("ssm:*", "ssm:Send*", true)]
    [InlineData("ssm:SendCommand", "ssm:Send*", false)]
    [InlineData("ssm:SendCommand", "ssm:StartSession", false)]
    public void Covers_matches_statement_actions_case_insensitively(string pattern, string action, bool covers)
    {
        Assert.Equal(covers, new TagCondition(pattern, "k", "v").Covers(action));
    }
}
