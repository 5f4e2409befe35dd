using System.Text;

namespace Crossgate.Cli.Output;

/// <summary>Wraps text for a terminal without breaking a word in the middle: lines break at spaces, and a token
/// longer than the line (an ARN, a long Sid) breaks after a <c>:</c> or <c>/</c>, only cut mid-way as a last resort.</summary>
internal static class TextWrap
{
    /// <summary>The width to wrap at: the terminal's, or <c>COLUMNS</c>, or 120 when writing to a file or a pipe.</summary>
    public static int Width(TextWriter writer)
    {
        if (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                return Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
            }
        }

        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : 120;
    }

    /// <summary>Writes <paramref name="text"/> (which may hold newlines) indented by <paramref name="indent"/>, later
    /// lines by <paramref name="hanging"/> more.</summary>
    public static void Write(TextWriter writer, string text, int width, int indent = 0, int hanging = 0)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var line in Lines(paragraph, width - indent, hanging))
            {
                writer.Write(new string(' ', indent));
                writer.WriteLine(line);
            }
        }
    }

    public static IEnumerable<string> Lines(string paragraph, int width, int hanging)
    {
        if (paragraph.Length <= width)
        {
            yield return paragraph;
            yield break;
        }

        // Keep the paragraph's own leading spaces (a numbered list indents itself).
        var lead = paragraph.Length - paragraph.TrimStart(' ').Length;
        var pad = new string(' ', lead);
        var line = new StringBuilder(pad);
        var first = true;
        foreach (var word in paragraph.Trim(' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var room = width - (first ? 0 : hanging);
            var rest = word;
            while (true)
            {
                var separator = line.Length > lead ? 1 : 0;
                if (line.Length + separator + rest.Length <= room)
                {
                    if (separator == 1)
                    {
                        line.Append(' ');
                    }

                    line.Append(rest);
                    break;
                }

                if (line.Length > lead && rest.Length <= room - lead)
                {
                    yield return Flush(line, ref first, hanging, pad);
                    room = width - hanging;
                    continue;
                }

                // Too long for any line: break after ':' or '/' within the room left.
                var space = room - line.Length - separator;
                var cut = space > 0 ? rest.AsSpan(0, Math.Min(space, rest.Length)).LastIndexOfAny(':', '/') + 1 : 0;
                if (cut <= 0)
                {
                    if (line.Length > lead)
                    {
                        yield return Flush(line, ref first, hanging, pad);
                        room = width - hanging;
                        continue;
                    }

                    cut = Math.Max(1, Math.Min(space, rest.Length));
                }

                if (separator == 1)
                {
                    line.Append(' ');
                }

                line.Append(rest.AsSpan(0, cut));
                rest = rest[cut..];
                yield return Flush(line, ref first, hanging, pad);
                room = width - hanging;
                if (rest.Length == 0)
                {
                    break;
                }
            }
        }

        if (line.Length > lead || first)
        {
            yield return (first ? string.Empty : new string(' ', hanging)) + line;
        }
    }

    private static string Flush(StringBuilder line, ref bool first, int hanging, string pad)
    {
        var text = (first ? string.Empty : new string(' ', hanging)) + line;
        first = false;
        line.Clear().Append(pad);
        return text;
    }
}
