namespace Crossgate.Directory.Import;

/// <summary>Something an import could not read or had to assume, with the file and the JSON path it concerns.
/// Errors mean data was left out; warnings mean it was read with an assumption the message states.</summary>
public sealed record ImportProblem(string File, string JsonPath, string Message, bool IsError)
{
    public override string ToString() => $"{(IsError ? "error" : "warning")}: {File} {JsonPath}: {Message}";
}
