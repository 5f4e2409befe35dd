using System.Text;
using Crossgate.Server.Mfa;

namespace Crossgate.Server.Tests.Mfa;

/// <summary>RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), truncated to the six digits
/// virtual MFA devices show; and base32 seeds as AWS hands them out.</summary>
public class TotpTests
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
        Assert.Equal(code, Totp.Code(Seed, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void A_code_from_the_previous_step_is_accepted_but_not_one_from_two_steps_back()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var previous = Totp.Code(Seed, now.AddSeconds(-30));
        var older = Totp.Code(Seed, now.AddSeconds(-90));

        Assert.Equal(Totp.StepOf(now) - 1, Totp.Verify(Seed, previous, now));
        Assert.Null(Totp.Verify(Seed, older, now));
        Assert.Null(Totp.Verify(Seed, "12345", now));
    }

    [Fact]
    public void Base32_round_trips_and_refuses_foreign_characters()
    {
        var text = Base32.Encode(Seed);

        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", text);
        Assert.True(Base32.TryDecode(text, out var decoded));
        Assert.Equal(Seed, decoded);
        Assert.False(Base32.TryDecode("GEZ1", out _));
    }
}
