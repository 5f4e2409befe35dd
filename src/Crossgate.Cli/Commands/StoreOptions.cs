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
        Description = "Folder of the embedded SQLite store (default ./.crossgate/).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string, for a store shared by several Crossgate servers.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    public Task<IDirectoryStore> OpenAsync(ParseResult parse, CancellationToken cancellation) =>
        DirectoryStoreFactory.OpenAsync(parse.GetValue(Data), parse.GetValue(Postgres), cancellation);
}
