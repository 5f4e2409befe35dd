using System.Text.Json;

namespace Crossgate.Cli.Tests.Access;

/// <summary><c>crossgate access …</c> over the example organization in a temporary SQLite store.</summary>
public sealed class AccessCommandTests : IDisposable
{
    private const string Bob = "arn:aws:iam::111111111111:user/bob";
    private const string ResponseC = "arn:aws:iam::333333333333:role/PlatformResponseRole";
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"crossgate-access-{Guid.NewGuid():N}");

    public AccessCommandTests()
    {
        var (exit, output, error) = CliRunner.Run("init", "--example", "--data", _data);
        Assert.True(exit == 0, output + error);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void ReachAsJsonFollowsTheContract()
    {
        var (exit, output, error) = CliRunner.Run("access", "reach", Bob, "--data", _data, "--output", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(Bob, json.RootElement.GetProperty("principal").GetString());
        var entry = json.RootElement.GetProperty("reachable").EnumerateArray().Single(e => e.GetProperty("arn").GetString() == ResponseC);
        Assert.Equal(2, entry.GetProperty("hops").GetInt32());
        var last = entry.GetProperty("path")[1];
        Assert.Equal("StringEquals sts:ExternalId = crossgate-example-external-id", last.GetProperty("requires")[0].GetString());
        Assert.Equal(JsonValueKind.String, last.GetProperty("technique").ValueKind);
    }

    [Fact]
    public void ContextSettlesTheExternalId()
    {
        var (_, output, _) = CliRunner.Run("access", "who-can", ResponseC, "--data", _data, "-o", "json", "--context", "sts:ExternalId=crossgate-example-external-id");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(ResponseC, json.RootElement.GetProperty("target").GetString());
        var principals = json.RootElement.GetProperty("principals").EnumerateArray().ToList();
        Assert.Contains(principals, p => p.GetProperty("arn").GetString() == Bob && p.GetProperty("hops").GetInt32() == 2);
        Assert.All(principals, p => Assert.Equal(0, p.GetProperty("requires").GetArrayLength()));
    }

    [Fact]
    public void FindingsAsJson()
    {
        var (exit, output, _) = CliRunner.Run("access", "findings", "--data", _data, "-o", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "account-trust-without-condition:arn:aws:iam::222222222222:role/CrossAccount-B:111111111111");
        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.True(finding.GetProperty("title").GetString()!.Length > 0);
        Assert.True(finding.GetProperty("fix").GetString()!.Length > 0);
        Assert.True(finding.GetProperty("principals").GetArrayLength() > 0);
        Assert.Equal("assume", finding.GetProperty("path")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void PathListsEveryRouteAndDrawsThem()
    {
        var (exit, output, _) = CliRunner.Run("access", "path", Bob, ResponseC, "--data", _data, "-o", "dot");
        Assert.Equal(0, exit);
        Assert.StartsWith("digraph access", output, StringComparison.Ordinal);
        Assert.Contains("cluster_", output, StringComparison.Ordinal);

        var (none, _, _) = CliRunner.Run("access", "path", "arn:aws:iam::111111111111:user/alex", ResponseC, "--data", _data);
        Assert.Equal(1, none);
    }

    [Fact]
    public void WhoCanPerformAnAction()
    {
        var (exit, output, _) = CliRunner.Run("access", "who-can", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::reports/q1.csv", "--data", _data, "-o", "table");
        Assert.Equal(0, exit);
        Assert.Contains("CrossAccount-B", output, StringComparison.Ordinal);
        Assert.DoesNotContain("alex", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access", "reach", Bob, "--context", "no-equals-sign")]
    [InlineData("access", "who-can")]
    [InlineData("access", "who-can", "--action", "s3:GetObject")]
    [InlineData("access", "path", Bob, ResponseC, "--max-hops", "0")]
    [InlineData("access", "reach", Bob, "--output", "xml")]
    public void BadUsageExitsTwo(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run([.. args, "--data", _data]);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void AnUnknownPrincipalIsANegativeAnswer()
    {
        var (exit, _, error) = CliRunner.Run("access", "reach", "arn:aws:iam::111111111111:user/nobody", "--data", _data);
        Assert.Equal(1, exit);
        Assert.Contains("not a principal", error, StringComparison.Ordinal);
    }
}
