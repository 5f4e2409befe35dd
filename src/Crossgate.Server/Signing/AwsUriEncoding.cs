using System.Text;

namespace Crossgate.Server.Signing;

/// <summary>
/// Percent-encoding as SigV4 defines it: every byte of the UTF-8 form except the unreserved
/// characters <c>A-Z a-z 0-9 - _ . ~</c> becomes <c>%XX</c> (upper-case hex); space is <c>%20</c>, never '+'.
/// </summary>
public static class AwsUriEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    public static string Encode(string value, bool keepSlash = false)
    {
        var needs = false;
        foreach (var c in value)
        {
            if (c > 127 || !(IsUnreserved((byte)c) || (keepSlash && c == '/'))) { needs = true; break; }
        }
        if (!needs) return value;

        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == (byte)'/')) sb.Append((char)b);
            else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Decodes <c>%XX</c> sequences and '+' (as space, the form-encoding rule) into a UTF-8 string.
    /// Malformed escapes are kept literally, as lenient servers do.
    /// </summary>
    public static string Decode(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('%', '+') < 0) return value.ToString();
        var text = new StringBuilder(value.Length);
        var pending = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                pending.Add((byte)(HexValue(value[i + 1]) << 4 | HexValue(value[i + 2])));
                i += 2;
                continue;
            }
            Flush(text, pending);
            text.Append(c == '+' ? ' ' : c);
        }
        Flush(text, pending);
        return text.ToString();
    }

    // Escaped bytes are collected and decoded together so multi-byte UTF-8 sequences survive.
    private static void Flush(StringBuilder text, List<byte> pending)
    {
        if (pending.Count == 0) return;
        text.Append(Encoding.UTF8.GetString(pending.ToArray()));
        pending.Clear();
    }

    /// <summary>Splits <c>a=1&amp;b=2</c> into decoded pairs; a key without '=' has an empty value.</summary>
    public static List<KeyValuePair<string, string>> DecodePairs(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var span = raw.AsSpan();
        while (!span.IsEmpty)
        {
            var amp = span.IndexOf('&');
            var part = amp < 0 ? span : span[..amp];
            span = amp < 0 ? ReadOnlySpan<char>.Empty : span[(amp + 1)..];
            if (part.IsEmpty) continue;
            var eq = part.IndexOf('=');
            pairs.Add(eq < 0
                ? new(Decode(part), "")
                : new(Decode(part[..eq]), Decode(part[(eq + 1)..])));
        }
        return pairs;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
