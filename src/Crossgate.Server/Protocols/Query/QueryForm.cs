using System.Text;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Query;

/// <summary>The Query protocol's parameters from a URL query string and an <c>application/x-www-form-urlencoded</c>
/// body: <c>name=value</c> pairs split on <c>&amp;</c>, percent escapes and '+' decoded, and the bytes read as strict
/// UTF-8. Anything that is not UTF-8 (raw or escaped) is <c>MalformedQueryString</c>, never replaced silently.</summary>
public static class QueryForm
{
    public const string MalformedMessage = "The query string contains a syntax error.";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The pairs of <paramref name="form"/> appended to <paramref name="pairs"/>; an error when a name or
    /// value is not UTF-8.</summary>
    public static AwsError? AddPairs(ReadOnlySpan<byte> form, List<KeyValuePair<string, string>> pairs)
    {
        var buffer = new byte[form.Length];
        while (!form.IsEmpty)
        {
            var amp = form.IndexOf((byte)'&');
            var part = amp < 0 ? form : form[..amp];
            form = amp < 0 ? ReadOnlySpan<byte>.Empty : form[(amp + 1)..];
            if (part.IsEmpty) continue;
            var eq = part.IndexOf((byte)'=');
            var name = Decode(eq < 0 ? part : part[..eq], buffer);
            var value = eq < 0 ? string.Empty : Decode(part[(eq + 1)..], buffer);
            if (name is null || value is null) return QueryErrors.MalformedQueryString(MalformedMessage);
            pairs.Add(new(name, value));
        }

        return null;
    }

    /// <summary>Parses the URL query and, when given, the form body into parameters, or the error to answer.</summary>
    public static (QueryParameters? Parameters, AwsError? Error) Parse(string rawQuery, ReadOnlySpan<byte> body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var error = AddPairs(Encoding.UTF8.GetBytes(rawQuery), pairs) ?? AddPairs(body, pairs);
        return error is null ? (new QueryParameters(pairs), null) : (null, error);
    }

    private static string? Decode(ReadOnlySpan<byte> encoded, byte[] buffer)
    {
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                buffer[length++] = (byte)(HexValue(encoded[i + 1]) << 4 | HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                buffer[length++] = b == (byte)'+' ? (byte)' ' : b;
            }
        }

        try
        {
            return Strict.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
