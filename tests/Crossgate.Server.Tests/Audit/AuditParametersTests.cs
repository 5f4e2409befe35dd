using System.Text.Json;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Tests.Audit;

public sealed class AuditParametersTests
{
    [Fact]
    public void Query_parameters_lose_secrets_action_and_version_and_become_camel_case()
    {
        var parameters = new QueryParameters(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole", ["Version"] = "2011-06-15", ["RoleArn"] = "arn:aws:iam::222222222222:role/R",
            ["TokenCode"] = "123456", ["SerialNumber"] = "arn:aws:iam::111111111111:mfa/alex", ["Password"] = "hunter2-Secret",
            ["Tags.member.1.Key"] = "team",
        });

        var json = JsonDocument.Parse(AuditParameters.FromQuery(parameters)!).RootElement;

        Assert.Equal("arn:aws:iam::222222222222:role/R", json.GetProperty("roleArn").GetString());
        Assert.Equal("team", json.GetProperty("tags.member.1.Key").GetString());
        Assert.False(json.TryGetProperty("tokenCode", out _));
        Assert.False(json.TryGetProperty("password", out _));
        Assert.False(json.TryGetProperty("action", out _));
        Assert.False(json.TryGetProperty("version", out _));
    }

    [Fact]
    public void Json_bodies_are_redacted_at_every_depth_and_keep_policy_documents()
    {
        const string body = """{"Email":"a@example.com","AccountName":"A","Tags":[{"Key":"k","Value":"v","SecretAccessKey":"x"}],"Content":"{\"Version\":\"2012-10-17\"}","Password":"p"}""";

        var text = AuditParameters.FromJson(System.Text.Encoding.UTF8.GetBytes(body))!;
        var json = JsonDocument.Parse(text).RootElement;

        Assert.Equal(AuditParameters.Hidden, json.GetProperty("email").GetString());
        Assert.Equal(AuditParameters.Hidden, json.GetProperty("accountName").GetString());
        Assert.Equal("k", json.GetProperty("tags")[0].GetProperty("key").GetString());
        Assert.False(json.GetProperty("tags")[0].TryGetProperty("secretAccessKey", out _));
        Assert.Equal("""{"Version":"2012-10-17"}""", json.GetProperty("content").GetString());
        Assert.DoesNotContain("a@example.com", text);
        Assert.False(json.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("not json")]
    public void Empty_or_unreadable_bodies_have_no_parameters(string body) =>
        Assert.Null(AuditParameters.FromJson(System.Text.Encoding.UTF8.GetBytes(body)));
}
