namespace Crossgate.Cli.Input;

/// <summary>Checks a path given as an input file before it is read, so that a folder or a missing file is named as
/// what it is.</summary>
internal static class InputFile
{
    /// <summary>Null when the path names a file; otherwise the message (the caller exits with a usage error).</summary>
    public static string? Problem(string path) =>
        System.IO.Directory.Exists(path) ? $"{path} is a directory, not a file."
        : !File.Exists(path) ? $"File not found: {path}"
        : null;
}
