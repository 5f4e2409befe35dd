namespace Crossgate.Platform.ServiceStore;

/// <summary>Opens the store a command names: PostgreSQL with <c>--postgres</c>, else SQLite in <c>--data</c>.</summary>
public static class PlatformStoreFactory
{
    public static async Task<IPlatformStore> OpenAsync(string? dataDirectory, string? postgresConnectionString, CancellationToken cancellation = default) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? await SqlitePlatformStore.OpenAsync(string.IsNullOrWhiteSpace(dataDirectory) ? Registry.AccountRegistry.DefaultDataDirectory : dataDirectory, cancellation).ConfigureAwait(false)
            : await PostgresPlatformStore.OpenAsync(postgresConnectionString, cancellation).ConfigureAwait(false);
}
