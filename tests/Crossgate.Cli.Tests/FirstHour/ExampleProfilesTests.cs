using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary><c>crossgate init --example</c> writes a credentials profile for each example principal that signs in with
/// a key, keeps the secrets out of what it prints, and says so plainly when run twice.</summary>
public sealed class ExampleProfilesTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("crossgate-example-profiles-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_data, recursive: true);
    }

    private string Credentials => Path.Combine(_data, "credentials");

    /// <summary>Each profile's key id and secret, as <c>serve</c> and <c>init</c> write the credentials file.</summary>
    internal static Dictionary<string, (string KeyId, string Secret)> ReadProfiles(string path)
    {
        var profiles = new Dictionary<string, (string, string)>();
        string? current = null;
        string? id = null;
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                current = line.Trim('[', ']');
            }
            else if (line.StartsWith("aws_access_key_id = ", StringComparison.Ordinal))
            {
                id = line["aws_access_key_id = ".Length..];
            }
            else if (line.StartsWith("aws_secret_access_key = ", StringComparison.Ordinal))
            {
                profiles[current!] = (id!, line["aws_secret_access_key = ".Length..]);
            }
        }

        return profiles;
    }

    [Fact]
    public async Task Init_example_writes_a_profile_for_each_principal_and_prints_no_secret()
    {
        var (exit, output, error) = CliRunner.Run("init", "--example", "--data", _data);

        Assert.True(exit == 0, output + error);
        var profiles = ReadProfiles(Credentials);
        Assert.Equal(["example-root", "example-alex", "example-bob", "example-outsider"], profiles.Keys);
        foreach (var (_, secret) in profiles.Values)
        {
            Assert.DoesNotContain(secret, output + error);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Credentials));
        }

        await using var store = await DirectoryStoreFactory.OpenAsync(_data);
        async Task<(string Account, string User)> OwnerOf(string profile)
        {
            var key = (await store.FindByUniqueIdAsync(EntityKinds.AccessKeys, profiles[profile].KeyId))!.Value;
            Assert.Equal(profiles[profile].Secret, key.SecretAccessKey);
            return (key.AccountId, key.UserName);
        }

        Assert.Equal((ExampleOrganization.Management, "<root>"), await OwnerOf("example-root"));
        Assert.Equal((ExampleOrganization.Management, "alex"), await OwnerOf("example-alex"));
        Assert.Equal((ExampleOrganization.Management, "bob"), await OwnerOf("example-bob"));
        Assert.Equal((ExampleOrganization.Outsider, "<root>"), await OwnerOf("example-outsider"));

        // The trail holds no secret either: nothing the example wrote is an audit record with a secret in it.
        var (trailExit, trail, _) = CliRunner.Run("trail", "--data", _data, "--output", "json");
        Assert.Equal(0, trailExit);
        Assert.All(profiles.Values, p => Assert.DoesNotContain(p.Secret, trail));
    }

    [Fact]
    public void Init_example_twice_says_so_and_creates_nothing()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _data).ExitCode);
        var before = File.ReadAllText(Credentials);

        var (exit, output, error) = CliRunner.Run("init", "--example", "--data", _data);

        Assert.True(exit == 0, error);
        Assert.Contains("The example organization is already in", output);
        Assert.Contains("nothing was created", output);
        Assert.Equal(before, File.ReadAllText(Credentials));
    }

    [Fact]
    public void Init_example_twice_writes_back_a_deleted_profile()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _data).ExitCode);
        File.Delete(Credentials);

        var (exit, output, _) = CliRunner.Run("init", "--example", "--data", _data);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote the missing profiles example-root, example-alex, example-bob, example-outsider", output);
        Assert.Equal(4, ReadProfiles(Credentials).Count);
    }

    [Fact]
    public async Task Init_example_over_another_account_111111111111_refuses()
    {
        Assert.Equal(0, CliRunner.Run("init", "--data", _data).ExitCode);
        await using (var store = await DirectoryStoreFactory.OpenAsync(_data))
        {
            var created = await new Crossgate.Directory.Organizations.OrganizationsDirectory(store)
                .CreateStandaloneAccountAsync(ExampleOrganization.Management, "Mine", "me@example.com");
            Assert.True(created.Success);
        }

        var (exit, _, error) = CliRunner.Run("init", "--example", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("not the example's", error);
    }
}
