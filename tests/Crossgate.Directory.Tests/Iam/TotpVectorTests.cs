using System.Text;
using Crossgate.Directory.Iam;

namespace Crossgate.Directory.Tests.Iam;

/// <summary>RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), truncated to the six digits
/// virtual MFA devices show.</summary>
public class TotpVectorTests
{
    private static readonly byte[] Seed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_RFC_vectors(long unixSeconds, string code)
    {
        Assert.Equal(code, Totp.CodeAt(Seed, unixSeconds / 30));
    }

    [Fact]
    public void The_base32_seed_of_the_RFC_key_gives_the_same_codes()
    {
        const string base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Assert.Equal(Seed, Totp.Base32Decode(base32));
        Assert.Equal("005924", Totp.Code(base32, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }
}
