namespace Crossgate.Policies.Conditions;

/// <summary>An IPv4 or IPv6 address as a 128-bit number, parsed from text without allocating
/// (<see cref="System.Net.IPAddress.TryParse(ReadOnlySpan{char}, out System.Net.IPAddress?)"/> allocates).</summary>
public readonly record struct IpAddressValue(UInt128 Bits, bool IsV6)
{
    public int Width => IsV6 ? 128 : 32;

    public static bool TryParse(ReadOnlySpan<char> text, out IpAddressValue address)
    {
        address = default;
        if (text.IndexOf(':') >= 0)
        {
            if (!TryParseV6(text, out var v6))
            {
                return false;
            }

            address = new IpAddressValue(v6, true);
            return true;
        }

        if (!TryParseV4(text, out var v4))
        {
            return false;
        }

        address = new IpAddressValue(v4, false);
        return true;
    }

    /// <summary>Dotted quad, four decimal parts 0–255, no sign or spaces. Leading zeros are refused: some parsers
    /// read them as octal (System.Net does), so such an address is ambiguous and matches nothing.</summary>
    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var part = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                part = part * 10 + (text[i] - '0');
                i++;
            }

            if (i == start || part > 255 || (text[start] == '0' && i - start > 1))
            {
                return false;
            }

            value = (value << 8) | (uint)part;
            parts++;
            if (parts == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>Eight hex groups, one <c>::</c> allowed, an optional trailing dotted quad; a <c>%zone</c> is ignored.</summary>
    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            text = text[..percent];
        }

        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text.StartsWith("::"))
        {
            gap = 0;
            i = 2;
        }
        else if (text.StartsWith(":"))
        {
            return false;
        }

        while (i < text.Length)
        {
            // An embedded IPv4 tail fills the last two groups.
            var rest = text[i..];
            var colon = rest.IndexOf(':');
            var token = colon < 0 ? rest : rest[..colon];
            if (colon < 0 && token.IndexOf('.') >= 0)
            {
                if (count > 6 || !TryParseV4(token, out var v4))
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                i = text.Length;
                break;
            }

            if (token.Length is 0 or > 4 || count == 8)
            {
                return false;
            }

            ushort group = 0;
            foreach (var c in token)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }

                group = (ushort)((group << 4) | HexValue(c));
            }

            groups[count++] = group;
            i += token.Length;
            if (i == text.Length)
            {
                break;
            }

            // Past the ':' separator; a second ':' right after marks the single allowed gap.
            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false; // trailing single ':'
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
        {
            return false;
        }

        var zeros = 8 - count;
        for (var g = 0; g < 8; g++)
        {
            ushort group;
            if (gap < 0 || g < gap)
            {
                group = groups[g];
            }
            else if (g < gap + zeros)
            {
                group = 0;
            }
            else
            {
                group = groups[g - zeros];
            }

            value = (value << 16) | group;
        }

        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
