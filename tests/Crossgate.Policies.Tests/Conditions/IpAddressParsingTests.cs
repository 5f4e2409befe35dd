using Crossgate.Policies.Conditions;

namespace Crossgate.Policies.Tests.Conditions;

public class IpAddressParsingTests
{
    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData("1..2.3")]
    [InlineData("1.2.3.4 ")]
    [InlineData("a.b.c.d")]
    [InlineData("1234.1.1.1")]
    [InlineData("")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.01")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("12345::")]
    [InlineData("g::1")]
    [InlineData(":1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:")]
    [InlineData("::1.2.3")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    public void Rejects_malformed_addresses(string text)
    {
        Assert.False(IpAddressValue.TryParse(text, out _), text);
    }

    [Theory]
    [InlineData("0.0.0.0", false, "0")]
    [InlineData("255.255.255.255", false, "4294967295")]
    [InlineData("::", true, "0")]
    [InlineData("::1", true, "1")]
    [InlineData("1::", true, "5192296858534827628530496329220096")]
    [InlineData("::ffff:1.2.3.4", true, "281470698652420")]
    [InlineData("fe80::1%eth0", true, "338288524927261089654018896841347694593")]
    public void Parses_edge_addresses(string text, bool v6, string bits)
    {
        Assert.True(IpAddressValue.TryParse(text, out var address), text);
        Assert.Equal(v6, address.IsV6);
        Assert.Equal(UInt128.Parse(bits), address.Bits);
    }

    [Theory]
    [InlineData("10.0.0.0/", false)]
    [InlineData("10.0.0.0/-1", false)]
    [InlineData("10.0.0.0/+8", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/8/8", false)]
    [InlineData("::/129", false)]
    [InlineData("::/128", true)]
    [InlineData("10.0.0.0/0", true)]
    [InlineData("10.0.0.0/32", true)]
    public void Parses_prefixes(string text, bool valid)
    {
        Assert.Equal(valid, CidrBlock.TryParse(text, out _));
    }
}
