using System.CommandLine;
using Crossgate.Directory;

namespace Crossgate.Cli.Commands;

/// <summary><c>--data DIR</c> and <c>--postgres CONN</c>, shared by the commands that open the directory store.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = $"Data folder: the SQLite store and the credentials file (default ./{DirectoryStoreFactory.DefaultDataDirectory}/).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string; the store lives there instead of the data folder (the credentials file stays in the folder).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    public string DataDirectory(ParseResult parse) => parse.GetValue(Data) is { Length: > 0 } dir ? dir : DirectoryStoreFactory.DefaultDataDirectory;

    public string CredentialsPath(ParseResult parse) => Path.GetFullPath(Path.Combine(DataDirectory(parse), SharedCredentialsFile.FileName));
}
