using System.CommandLine;
using Crossgate.Directory;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Commands;

/// <summary><c>--data DIR</c> (embedded SQLite, default <c>./.crossgate/</c>) or <c>--postgres CONNSTRING</c>: the
/// store every command that reads or writes state opens.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        HelpName = "DIR",
        Description = $"Data folder: the SQLite store and the credentials file (default ./{DirectoryStoreFactory.DefaultDataDirectory}/).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        HelpName = "CONNSTRING",
        Description = "PostgreSQL connection string, for a store shared by several Crossgate servers (the credentials file stays in the data folder).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    /// <summary>Opens the store, creating it when missing: for <c>init</c> and <c>serve</c> only.</summary>
    public Task<IDirectoryStore> OpenAsync(ParseResult parse, CancellationToken cancellation) =>
        DirectoryStoreFactory.OpenAsync(parse.GetValue(Data), parse.GetValue(Postgres), cancellation);

    /// <summary>Opens a store that exists; otherwise writes why not and returns null, so that a mistyped
    /// <c>--data</c> is reported instead of answered from a new, empty store.</summary>
    public async Task<IDirectoryStore?> OpenExistingAsync(ParseResult parse, CancellationToken cancellation)
    {
        if (parse.GetValue(Postgres) is not { Length: > 0 } && MissingStoreMessage(DataDirectory(parse)) is { } missing)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(missing);
            return null;
        }

        return await OpenAsync(parse, cancellation);
    }

    /// <summary>Null when the data folder holds a SQLite store.</summary>
    public static string? MissingStoreMessage(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, SqliteDirectoryStore.FileName))
            ? null
            : $"no Crossgate store in {Path.GetFullPath(dataDirectory)}; run `crossgate init` or `crossgate serve` to create one";

    public string DataDirectory(ParseResult parse) => parse.GetValue(Data) is { Length: > 0 } dir ? dir : DirectoryStoreFactory.DefaultDataDirectory;

    public string CredentialsPath(ParseResult parse) => Path.GetFullPath(Path.Combine(DataDirectory(parse), SharedCredentialsFile.FileName));
}
