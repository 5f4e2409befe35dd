using System.Text.Json;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Cli.Tests.Platform;

/// <summary><c>crossgate platform token create|list|revoke</c> over a fresh data folder.</summary>
public sealed class PlatformTokenCommandTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("crossgate-tokens-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (int ExitCode, string Output, string Error) Token(params string[] args) => CliRunner.Run(["platform", "token", .. args, "--data", _dir]);

    [Fact]
    public async Task Create_prints_the_token_alone_on_the_last_line_and_stores_only_its_hash()
    {
        var (code, output, error) = Token("create", "--name", "ci");

        Assert.True(code == 0, error);
        var last = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(TokenSecrets.Prefix, last);
        Assert.DoesNotContain(' ', last);

        await using var store = await PlatformStoreFactory.OpenAsync(_dir, null);
        var stored = Assert.Single(await store.ListTokensAsync());
        Assert.Equal("ci", stored.Name);
        Assert.False(stored.ReadOnly);
        Assert.Equal(TokenSecrets.Hash(last), stored.Hash);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "platform.db"));
        Assert.DoesNotContain(last, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_as_json_lists_and_revokes()
    {
        var (code, output, error) = Token("create", "--name", "auditor", "--read-only", "--output", "json");
        Assert.True(code == 0, error);
        var created = JsonDocument.Parse(output).RootElement;
        Assert.Equal("auditor", created.GetProperty("name").GetString());
        Assert.True(created.GetProperty("readOnly").GetBoolean());
        Assert.StartsWith(TokenSecrets.Prefix, created.GetProperty("token").GetString());
        Assert.Equal(3, created.EnumerateObject().Count());

        Assert.Equal(2, Token("create", "--name", "AUDITOR").ExitCode);
        Assert.Equal(2, Token("create", "--name", "no spaces please").ExitCode);
        Assert.Equal(0, Token("create", "--name", "deploy").ExitCode);

        var listed = JsonDocument.Parse(Token("list", "--output", "json").Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["auditor", "deploy"], listed.Select(t => t.GetProperty("name").GetString()));
        Assert.DoesNotContain("token", listed[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("read-only", Token("list").Output);

        Assert.Equal(0, Token("revoke", "auditor").ExitCode);
        var (missing, _, missingError) = Token("revoke", "auditor");
        Assert.Equal(1, missing);
        Assert.Contains("no token named 'auditor'", missingError);
        Assert.Equal(["deploy"], JsonDocument.Parse(Token("list", "--output", "json").Output).RootElement.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }
}
