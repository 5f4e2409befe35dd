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
        Description = $"Data folder: the SQLite store and the credentials file (default ./{DirectoryStoreFactory.DefaultDataDirectory}/).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string, for a store shared by several Crossgate servers (the credentials file stays in the data folder).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    public Task<IDirectoryStore> OpenAsync(ParseResult parse, CancellationToken cancellation) =>
        DirectoryStoreFactory.OpenAsync(parse.GetValue(Data), parse.GetValue(Postgres), cancellation);

    public string DataDirectory(ParseResult parse) => parse.GetValue(Data) is { Length: > 0 } dir ? dir : DirectoryStoreFactory.DefaultDataDirectory;

    public string CredentialsPath(ParseResult parse) => Path.GetFullPath(Path.Combine(DataDirectory(parse), SharedCredentialsFile.FileName));
}
