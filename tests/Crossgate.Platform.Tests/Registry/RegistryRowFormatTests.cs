using Crossgate.Platform.Registry;
using Microsoft.Data.Sqlite;

namespace Crossgate.Platform.Tests.Registry;

/// <summary>The JSON of a registration in <c>platform.db</c>, pinned as earlier versions wrote it (camelCase,
/// nulls written), and rows written that way read back.</summary>
public sealed class RegistryRowFormatTests : IDisposable
{
    private const string Row = """{"alias":"target-b","roleArn":"arn:aws:iam::222222222222:role/ci/Platform\u002BRole","accountId":"222222222222","externalId":"ext\u003Cid\u003E","sessionDuration":1800,"registeredAt":"2024-05-01T12:30:15.123+00:00","lastCheckSummary":"3 granted, 1 partial","lastCheckTime":"2024-06-02T08:00:00+02:00"}""";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "crossgate-registry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }

    private static RegisteredAccount Registration => new()
    {
        Alias = "target-b", RoleArn = "arn:aws:iam::222222222222:role/ci/Platform+Role", AccountId = "222222222222",
        ExternalId = "ext<id>", SessionDuration = 1800, RegisteredAt = new DateTimeOffset(2024, 5, 1, 12, 30, 15, 123, TimeSpan.Zero),
    };

    [Fact]
    public async Task A_registration_with_its_last_check_is_stored_as_before()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        Assert.Null(await registry.AddAsync(Registration));
        Assert.True(await registry.RecordCheckAsync("target-b", "3 granted, 1 partial", new DateTimeOffset(2024, 6, 2, 8, 0, 0, TimeSpan.FromHours(2))));

        Assert.Equal(Row, await StoredDocAsync());
    }

    [Fact]
    public async Task A_fresh_registration_writes_its_missing_check_as_nulls()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        Assert.Null(await registry.AddAsync(Registration with { ExternalId = null }));

        Assert.Equal(
            """{"alias":"target-b","roleArn":"arn:aws:iam::222222222222:role/ci/Platform\u002BRole","accountId":"222222222222","externalId":null,"sessionDuration":1800,"registeredAt":"2024-05-01T12:30:15.123+00:00","lastCheckSummary":null,"lastCheckTime":null}""",
            await StoredDocAsync());
    }

    [Fact]
    public async Task A_row_written_before_reads_back()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        await using (var connection = Open())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO registered_accounts (alias, role_arn, doc) VALUES ('target-b', 'arn', @doc)";
            insert.Parameters.AddWithValue("@doc", Row);
            await insert.ExecuteNonQueryAsync();
        }

        var read = Assert.Single(await registry.ListAsync());

        Assert.Equal(Registration with { LastCheckSummary = "3 granted, 1 partial", LastCheckTime = new DateTimeOffset(2024, 6, 2, 8, 0, 0, TimeSpan.FromHours(2)) }, read);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, AccountRegistry.FileName)};Pooling=False");
        connection.Open();
        return connection;
    }

    private async Task<string> StoredDocAsync()
    {
        await using var connection = Open();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT doc FROM registered_accounts";
        return (string)(await select.ExecuteScalarAsync())!;
    }
}
