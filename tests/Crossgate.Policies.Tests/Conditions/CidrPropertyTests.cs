using System.Net;
using CsCheck;
using Crossgate.Policies.Conditions;

namespace Crossgate.Policies.Tests.Conditions;

/// <summary>The allocation-free IP parser and CIDR test against System.Net and a bit-string reference.</summary>
public class CidrPropertyTests
{
    private static string Bits(byte[] bytes) => string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));

    private static UInt128 ToBits(byte[] bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    [Fact]
    public void Parses_every_IPv4_address_as_System_Net_formats_it()
    {
        Gen.Byte.Array[4].Sample(bytes =>
        {
            var text = new IPAddress(bytes).ToString();
            Assert.True(IpAddressValue.TryParse(text, out var parsed), text);
            Assert.False(parsed.IsV6);
            Assert.Equal(ToBits(bytes), parsed.Bits);
        }, iter: 20_000);
    }

    [Fact]
    public void Parses_every_IPv6_address_as_System_Net_formats_it()
    {
        // Sparse bytes so that :: compression and embedded IPv4 forms show up often.
        var sparseByte = Gen.Frequency((3, Gen.Const((byte)0)), (1, Gen.Byte), (1, Gen.Const((byte)0xff)));
        sparseByte.Array[16].Sample(bytes =>
        {
            var text = new IPAddress(bytes).ToString();
            Assert.True(IpAddressValue.TryParse(text, out var parsed), text);
            Assert.True(parsed.IsV6);
            Assert.Equal(ToBits(bytes), parsed.Bits);
        }, iter: 20_000);
    }

    [Fact]
    public void Parses_uncompressed_IPv6_in_any_case()
    {
        Gen.Select(Gen.UShort.Array[8], Gen.Bool).Sample((groups, upper) =>
        {
            var text = string.Join(':', groups.Select(g => upper ? g.ToString("X") : g.ToString("x4")));
            Assert.True(IpAddressValue.TryParse(text, out var parsed), text);
            Assert.Equal(groups.Aggregate(UInt128.Zero, (acc, g) => (acc << 16) | g), parsed.Bits);
        });
    }

    [Fact]
    public void Accepts_exactly_decimal_dotted_quads_and_agrees_with_System_Net()
    {
        var gen = Gen.Char["0123456789."].Array[1, 16].Select(c => new string(c));
        gen.Sample(text =>
        {
            // System.Net accepts legacy forms (e.g. "1", "1.2", octal "010"); only plain decimal dotted quads are taken.
            var ours = IpAddressValue.TryParse(text, out var parsed);
            var quad = text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && int.Parse(p) <= 255 && (p.Length == 1 || p[0] != '0'));
            Assert.Equal(quad, ours);
            if (ours)
            {
                Assert.Equal(ToBits(IPAddress.Parse(text).GetAddressBytes()), parsed.Bits);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void IPv4_CIDR_contains_matches_bit_prefix_comparison()
    {
        Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 32], Gen.Byte.Array[4]).Sample((network, prefix, address) =>
        {
            var cidr = $"{new IPAddress(network)}/{prefix}";
            Assert.True(CidrBlock.TryParse(cidr, out var block), cidr);
            IpAddressValue.TryParse(new IPAddress(address).ToString(), out var candidate);
            var expected = Bits(network)[..prefix] == Bits(address)[..prefix];
            Assert.Equal(expected, block.Contains(candidate));
        }, iter: 20_000);
    }

    [Fact]
    public void IPv6_CIDR_contains_matches_bit_prefix_comparison()
    {
        // Addresses derived from the network by flipping one bit, so both outcomes are frequent.
        Gen.Select(Gen.Byte.Array[16], Gen.Int[0, 128], Gen.Int[0, 127]).Sample((network, prefix, flip) =>
        {
            var address = (byte[])network.Clone();
            address[flip / 8] ^= (byte)(0x80 >> (flip % 8));
            var cidr = $"{new IPAddress(network)}/{prefix}";
            Assert.True(CidrBlock.TryParse(cidr, out var block), cidr);
            IpAddressValue.TryParse(new IPAddress(address).ToString(), out var candidate);
            Assert.Equal(flip >= prefix, block.Contains(candidate));
            Assert.Equal(Bits(network)[..prefix] == Bits(address)[..prefix], block.Contains(candidate));
        }, iter: 20_000);
    }

    [Fact]
    public void Families_never_mix()
    {
        Gen.Select(Gen.Byte.Array[4], Gen.Byte.Array[16]).Sample((v4, v6) =>
        {
            CidrBlock.TryParse($"{new IPAddress(v4)}/0", out var v4Any);
            CidrBlock.TryParse($"{new IPAddress(v6)}/0", out var v6Any);
            IpAddressValue.TryParse(new IPAddress(v4).ToString(), out var a4);
            IpAddressValue.TryParse(new IPAddress(v6).ToString(), out var a6);
            Assert.True(v4Any.Contains(a4));
            Assert.True(v6Any.Contains(a6));
            Assert.False(v4Any.Contains(a6));
            Assert.False(v6Any.Contains(a4));
        });
    }
}
