using System.Diagnostics;
using Npgsql;

namespace Crossgate.Tests.Shared;

/// <summary>One throwaway PostgreSQL server for the whole test run, started by tests/postgres/start-postgres.sh
/// (which installs Debian's package when missing); each test gets a database of its own. A server that cannot be
/// had fails the tests that need it. One source for every test project (linked from tests/Shared).</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDir;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "postgres", "start-postgres.sh");
        var (exit, stdout, stderr) = await RunAsync("bash", script);
        if (exit != 0)
        {
            throw new InvalidOperationException($"start-postgres.sh exited with {exit}:\n{stderr}");
        }

        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("CONNECTION=", StringComparison.Ordinal))
            {
                ConnectionString = line["CONNECTION=".Length..];
            }
            else if (line.StartsWith("DATADIR=", StringComparison.Ordinal))
            {
                _dataDir = line["DATADIR=".Length..];
            }
        }

        if (ConnectionString.Length == 0)
        {
            throw new InvalidOperationException("start-postgres.sh printed no connection string:\n" + stdout + stderr);
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is not null)
        {
            await RunAsync("bash", Path.Combine(RepositoryPaths.Root, "tests", "postgres", "stop-postgres.sh"), _dataDir);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
