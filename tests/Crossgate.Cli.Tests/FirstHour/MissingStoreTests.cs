namespace Crossgate.Cli.Tests.FirstHour;

/// <summary>Commands that read a store refuse a <c>--data</c> folder holding none, instead of answering from a new,
/// empty one; <c>init</c> and <c>serve</c> are the ones that create it.</summary>
public sealed class MissingStoreTests : IDisposable
{
    private readonly string _empty = System.IO.Directory.CreateTempSubdirectory("crossgate-no-store-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_empty, recursive: true);

    public static TheoryData<string[]> StoreReaders() => new()
    {
        new[] { "trail" },
        new[] { "export", "--account", "111111111111" },
        new[] { "import", CliRunner.Example("crossaccount-b-trust.json") },
        new[] { "admin", "create-account", "--id", "555555555555" },
    };

    [Theory]
    [MemberData(nameof(StoreReaders))]
    public void A_folder_without_a_store_is_refused_and_left_empty(string[] command)
    {
        var (exit, output, error) = CliRunner.Run([.. command, "--data", _empty]);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"no Crossgate store in {_empty}; run `crossgate init` or `crossgate serve` to create one",
            error.Trim());
        Assert.Empty(output);
        Assert.Empty(System.IO.Directory.EnumerateFileSystemEntries(_empty));
    }

    [Fact]
    public void The_offline_account_check_refuses_it_too()
    {
        Assert.Equal(0, CliRunner.Run("accounts", "add", "--role-arn", "arn:aws:iam::222222222222:role/R", "--alias", "b", "--no-check", "--data", _empty).ExitCode);

        var (exit, _, error) = CliRunner.Run("accounts", "check", "--permissions", CliRunner.Example("platform-permission-groups.json"), "--offline", "--data", _empty);

        Assert.Equal(2, exit);
        Assert.Contains("no Crossgate store in", error);
        Assert.False(File.Exists(Path.Combine(_empty, "crossgate.db")));
    }

    [Fact]
    public void Init_creates_the_store_the_others_then_read()
    {
        var (initExit, initOutput, _) = CliRunner.Run("init", "--data", _empty);
        Assert.Equal(0, initExit);
        Assert.Contains("Store ready", initOutput);

        Assert.Equal(0, CliRunner.Run("trail", "--data", _empty).ExitCode);
    }
}
