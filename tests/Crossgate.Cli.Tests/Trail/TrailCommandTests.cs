using System.Text.Json;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Tests.Trail;

/// <summary><c>crossgate trail</c> over a SQLite store holding a few recorded events.</summary>
public sealed class TrailCommandTests : IAsyncLifetime
{
    private const string Bob = "arn:aws:iam::111111111111:user/bob";
    private const string Alex = "arn:aws:iam::111111111111:user/alex";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-trail-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_folder);
        await using var store = await SqliteDirectoryStore.OpenAsync(Path.Combine(_folder, SqliteDirectoryStore.FileName));
        var now = DateTimeOffset.UtcNow;
        await store.CommitAsync(new ChangeSet()
            .Append(Event("old-1", now.AddHours(-3), "sts.amazonaws.com", "GetCallerIdentity", Bob, null))
            .Append(Event("new-1", now.AddMinutes(-5), "organizations.amazonaws.com", "ListAccounts", Bob, null, """{"maxResults":5}"""))
            .Append(Event("new-2", now.AddMinutes(-1), "organizations.amazonaws.com", "ListAccounts", Alex, "AccessDeniedException")));
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Json_lists_every_event_newest_first_in_cloudtrail_shape()
    {
        var (exit, output, error) = CliRunner.Run("trail", "--data", _folder, "--output", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var records = JsonDocument.Parse(output).RootElement.GetProperty("Records");
        Assert.Equal(["new-2", "new-1", "old-1"], records.EnumerateArray().Select(r => r.GetProperty("requestID").GetString()));
        var denied = records[0];
        Assert.Equal("organizations.amazonaws.com", denied.GetProperty("eventSource").GetString());
        Assert.Equal("AccessDeniedException", denied.GetProperty("errorCode").GetString());
        Assert.Equal(Alex, denied.GetProperty("userIdentity").GetProperty("arn").GetString());
        Assert.Equal(5, records[1].GetProperty("requestParameters").GetProperty("maxResults").GetInt32());
    }

    [Fact]
    public void Principal_and_since_filter()
    {
        var (exit, output, _) = CliRunner.Run("trail", "--data", _folder, "--output", "json", "--principal", Bob, "--since", "1h");

        Assert.Equal(0, exit);
        var records = JsonDocument.Parse(output).RootElement.GetProperty("Records");
        Assert.Equal(["new-1"], records.EnumerateArray().Select(r => r.GetProperty("requestID").GetString()));
    }

    [Fact]
    public void Since_accepts_an_iso_time_and_limit_caps_the_count()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var (exit, output, _) = CliRunner.Run("trail", "--data", _folder, "--output", "json", "--since", since, "--limit", "2");

        Assert.Equal(0, exit);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("Records").GetArrayLength());
    }

    [Fact]
    public void Table_shows_events_and_outcomes()
    {
        var (exit, output, _) = CliRunner.Run("trail", "--data", _folder);

        Assert.Equal(0, exit);
        Assert.Contains("ListAccounts", output);
        Assert.Contains("GetCallerIdentity", output);
        Assert.Contains(Alex, output);
        Assert.Contains("AccessDeniedException", output);
        Assert.Contains("OK", output);
    }

    [Theory]
    [InlineData("--since", "yesterday-ish")]
    [InlineData("--limit", "0")]
    public void Bad_values_are_usage_errors(string option, string value)
    {
        var (exit, _, error) = CliRunner.Run("trail", "--data", _folder, option, value);

        Assert.Equal(2, exit);
        Assert.NotEqual(string.Empty, error);
    }

    private static AuditEvent Event(string requestId, DateTimeOffset time, string source, string name, string arn, string? errorCode, string? parameters = null) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        EventTime = time,
        EventSource = source,
        EventName = name,
        RecipientAccountId = "111111111111",
        UserIdentity = $$"""{"type":"IAMUser","arn":"{{arn}}","accountId":"111111111111"}""",
        SourceIpAddress = "127.0.0.1",
        RequestParameters = parameters,
        ErrorCode = errorCode,
        ErrorMessage = errorCode is null ? null : "denied",
        RequestId = requestId,
    };
}
