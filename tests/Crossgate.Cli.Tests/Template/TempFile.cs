namespace Crossgate.Cli.Tests.Template;

/// <summary>A file with the given text, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string text, string name = "policy.json")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("crossgate-cli-");
        Path = System.IO.Path.Combine(Directory.FullName, name);
        File.WriteAllText(Path, text);
    }

    public DirectoryInfo Directory { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(recursive: true);
}
