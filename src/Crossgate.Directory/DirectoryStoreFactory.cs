using Crossgate.Directory.Storage;

namespace Crossgate.Directory;

/// <summary>Opens the store a command names: <c>--postgres CONNSTRING</c> when given, otherwise the SQLite file in
/// <c>--data DIR</c> (default <c>./.crossgate/</c>).</summary>
public static class DirectoryStoreFactory
{
    public const string DefaultDataDirectory = ".crossgate";

    /// <remarks>Secrets are sealed with the key from <see cref="SecretSealer.EnvironmentVariable"/> or the key file
    /// in the data directory (for PostgreSQL too: the key never goes into the database).</remarks>
    public static async Task<IDirectoryStore> OpenAsync(string? dataDirectory = null, string? postgresConnectionString = null, CancellationToken cancellationToken = default)
    {
        var folder = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory;
        var sealer = SecretSealer.ForFolder(folder);
        if (!string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            return await PostgresDirectoryStore.OpenAsync(postgresConnectionString, sealer, cancellationToken).ConfigureAwait(false);
        }

        return await SqliteDirectoryStore.OpenAsync(Path.Combine(folder, SqliteDirectoryStore.FileName), sealer, cancellationToken).ConfigureAwait(false);
    }
}
