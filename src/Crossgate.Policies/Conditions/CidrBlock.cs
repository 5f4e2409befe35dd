namespace Crossgate.Policies.Conditions;

/// <summary>An <c>IpAddress</c> condition value: a CIDR block, IPv4 or IPv6. A bare address is a /32 (or /128).</summary>
public readonly record struct CidrBlock(IpAddressValue Network, int PrefixLength)
{
    public static bool TryParse(ReadOnlySpan<char> text, out CidrBlock block)
    {
        block = default;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IpAddressValue.TryParse(addressText, out var address))
        {
            return false;
        }

        var prefix = address.Width;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.IsEmpty || prefixText.Length > 3 || !int.TryParse(prefixText, System.Globalization.NumberStyles.None, null, out prefix)
                || prefix > address.Width)
            {
                return false;
            }
        }

        block = new CidrBlock(address, prefix);
        return true;
    }

    /// <summary>True when <paramref name="address"/> is of the same family and shares the first PrefixLength bits.
    /// Host bits set in the policy's network address are ignored, as CIDR notation intends.</summary>
    public bool Contains(IpAddressValue address)
    {
        if (address.IsV6 != Network.IsV6)
        {
            return false;
        }

        if (PrefixLength == 0)
        {
            return true;
        }

        var shift = address.Width - PrefixLength;
        return (address.Bits >> shift) == (Network.Bits >> shift);
    }
}
