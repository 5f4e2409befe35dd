namespace Crossgate.Cli.Tests.Policy;

/// <summary>Bad command lines exit 2 and say why on stderr, without touching the parser.</summary>
public class UsageTests
{
    [Fact]
    public void No_command_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run();
        Assert.Equal(2, exit);
        Assert.Contains("Required command was not provided", error);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (exit, output, error) = CliRunner.Run("policy", "validate", CliRunner.Example("assume-crossaccount-b.json"), "--strict");
        Assert.Equal(2, exit);
        Assert.Contains("--strict", error);
        Assert.Empty(output);
    }

    [Fact]
    public void Unknown_kind_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("policy", "validate", CliRunner.Example("assume-crossaccount-b.json"), "--kind", "managed");
        Assert.Equal(2, exit);
        Assert.Contains("managed", error);
    }

    [Fact]
    public void Unknown_output_format_is_a_usage_error()
    {
        var (exit, _, _) = CliRunner.Run("policy", "expand", "s3:*", "--output", "yaml");
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Missing_file_argument_is_a_usage_error()
    {
        var (exit, _, _) = CliRunner.Run("policy", "validate");
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Missing_file_is_a_usage_error()
    {
        var (exit, output, error) = CliRunner.Run("policy", "validate", "does-not-exist.json");
        Assert.Equal(2, exit);
        Assert.Contains("File not found", error);
        Assert.Contains("does-not-exist.json", error);
        Assert.Empty(output);
    }

    [Fact]
    public void Owner_account_must_be_twelve_digits()
    {
        var (exit, _, error) = CliRunner.Run("policy", "validate", CliRunner.Example("crossaccount-b-trust.json"), "--kind", "trust", "--owner-account", "2222");
        Assert.Equal(2, exit);
        Assert.Contains("12-digit", error);
    }

    [Fact]
    public void Help_is_written_to_output_and_succeeds()
    {
        var (exit, output, _) = CliRunner.Run("policy", "validate", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--kind", output);
        Assert.Contains("--output", output);
    }
}
