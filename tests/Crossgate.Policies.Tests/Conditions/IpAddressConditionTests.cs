using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class IpAddressConditionTests
{
    [Theory]
    [InlineData("IpAddress", "203.0.113.0/24", "203.0.113.7", true, "inside /24")]
    [InlineData("IpAddress", "203.0.113.0/24", "203.0.114.7", false, "outside /24")]
    [InlineData("IpAddress", "203.0.113.7", "203.0.113.7", true, "bare address is /32")]
    [InlineData("IpAddress", "203.0.113.7", "203.0.113.8", false, "bare address is /32, not wider")]
    [InlineData("IpAddress", "203.0.113.7/32", "203.0.113.7", true, "explicit /32")]
    [InlineData("IpAddress", "0.0.0.0/0", "8.8.8.8", true, "/0 matches every IPv4 address")]
    [InlineData("IpAddress", "10.0.0.0/8", "10.255.255.255", true, "top of /8")]
    [InlineData("IpAddress", "10.0.0.0/8", "11.0.0.0", false, "just past /8")]
    [InlineData("IpAddress", "192.168.1.128/25", "192.168.1.127", false, "below /25")]
    [InlineData("IpAddress", "192.168.1.128/25", "192.168.1.200", true, "inside /25")]
    [InlineData("IpAddress", "192.168.1.130/25", "192.168.1.200", true, "host bits in the network are ignored")]
    [InlineData("IpAddress", "10.0.0.0/8|192.168.0.0/16", "192.168.3.4", true, "blocks ORed")]
    [InlineData("IpAddress", "2001:db8::/32", "2001:db8:1234::1", true, "IPv6 inside /32")]
    [InlineData("IpAddress", "2001:db8::/32", "2001:db9::1", false, "IPv6 outside /32")]
    [InlineData("IpAddress", "2001:DB8::/32", "2001:db8::1", true, "IPv6 hex is case-insensitive")]
    [InlineData("IpAddress", "2001:db8::1", "2001:db8:0:0:0:0:0:1", true, "bare IPv6 is /128; :: expands")]
    [InlineData("IpAddress", "::/0", "fe80::1", true, "::/0 matches every IPv6 address")]
    [InlineData("IpAddress", "::/0", "10.0.0.1", false, "IPv6 block does not match IPv4")]
    [InlineData("IpAddress", "0.0.0.0/0", "::1", false, "IPv4 block does not match IPv6")]
    [InlineData("IpAddress", "::ffff:10.0.0.0/104", "::ffff:10.1.2.3", true, "embedded IPv4 notation")]
    [InlineData("IpAddress", "203.0.113.0/24", null, false, "positive, absent key -> false")]
    [InlineData("IpAddress", "203.0.113.0/33", "203.0.113.7", false, "bad prefix never matches")]
    [InlineData("IpAddress", "203.0.113.256/24", "203.0.113.7", false, "bad octet never matches")]
    [InlineData("IpAddress", "garbage", "203.0.113.7", false, "unparsable block never matches")]
    [InlineData("IpAddress", "garbage|203.0.113.0/24", "203.0.113.7", true, "unparsable block does not spoil others")]
    [InlineData("IpAddress", "203.0.113.0/24", "not-an-ip", false, "unparsable request value -> false")]
    [InlineData("NotIpAddress", "203.0.113.0/24", "203.0.113.7", false, "NotIpAddress inside -> false")]
    [InlineData("NotIpAddress", "203.0.113.0/24", "198.51.100.1", true, "NotIpAddress outside -> true")]
    [InlineData("NotIpAddress", "10.0.0.0/8|203.0.113.0/24", "203.0.113.7", false, "NotIpAddress NORs blocks")]
    [InlineData("NotIpAddress", "203.0.113.0/24", null, true, "negated, absent key (via VPC endpoint) -> true")]
    [InlineData("NotIpAddress", "203.0.113.0/24", "not-an-ip", false, "negated but request unparsable -> false")]
    [InlineData("IpAddressIfExists", "203.0.113.0/24", null, true, "IfExists absent -> true")]
    [InlineData("NotIpAddressIfExists", "203.0.113.0/24", "203.0.113.1", false, "NotIpAddressIfExists present inside")]
    public void Ip(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
