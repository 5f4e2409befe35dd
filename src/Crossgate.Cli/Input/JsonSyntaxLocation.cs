using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crossgate.Cli.Input;

/// <summary>Where a document stops being JSON. AWS answers only "Syntax errors in policy."; a person fixing a file
/// also wants the line and column, which the JSON reader knows.</summary>
internal static partial class JsonSyntaxLocation
{
    public sealed record Location(int Line, int Column, string Reason)
    {
        public override string ToString() => $"line {Line}, column {Column}: {Reason}";
    }

    /// <summary>The first syntax error (1-based line and column), or null when the text is well-formed JSON.</summary>
    public static Location? Find(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return null;
        }
        catch (JsonException ex)
        {
            var reason = ReaderPosition().Replace(ex.Message, string.Empty).Trim();
            return new Location((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, reason);
        }
    }

    [GeneratedRegex(@"\s*(Path: \S+ \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex ReaderPosition();
}
