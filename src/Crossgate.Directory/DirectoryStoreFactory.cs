using Crossgate.Directory.Storage;

namespace Crossgate.Directory;

/// <summary>Opens the store a command names: <c>--postgres CONNSTRING</c> when given, otherwise the SQLite file in
/// <c>--data DIR</c> (default <c>./.crossgate/</c>).</summary>
public static class DirectoryStoreFactory
{
    public const string DefaultDataDirectory = ".crossgate";

    public static async Task<IDirectoryStore> OpenAsync(string? dataDirectory = null, string? postgresConnectionString = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            return await PostgresDirectoryStore.OpenAsync(postgresConnectionString, cancellationToken).ConfigureAwait(false);
        }

        var folder = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory;
        return await SqliteDirectoryStore.OpenAsync(Path.Combine(folder, SqliteDirectoryStore.FileName), cancellationToken).ConfigureAwait(false);
    }
}
