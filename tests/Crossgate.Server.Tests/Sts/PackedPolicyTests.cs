using Crossgate.Directory.Model;
using Crossgate.Server.Services.Sts;

namespace Crossgate.Server.Tests.Sts;

public sealed class PackedPolicyTests
{
    private const string Small = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void Nothing_packed_is_zero() => Assert.Equal(0, PackedPolicy.PercentOf(null, [], []));

    [Fact]
    public void A_small_policy_takes_a_small_share()
    {
        var percent = PackedPolicy.PercentOf(Small, [], []);

        Assert.InRange(percent, 1, 15);
    }

    [Fact]
    public void Whitespace_does_not_count()
    {
        var spaced = Small.Replace(",", ",\n    ").Replace(":", ": ");

        Assert.Equal(PackedPolicy.PercentOf(Small, [], []), PackedPolicy.PercentOf(spaced, [], []));
    }

    [Fact]
    public void Arns_and_tags_add_to_the_size()
    {
        var alone = PackedPolicy.PercentOf(Small, [], []);
        var withMore = PackedPolicy.PercentOf(Small, ["arn:aws:iam::aws:policy/ReadOnlyAccess"], [new Tag("Project", "crossgate-packed-size")]);

        Assert.True(withMore > alone, $"{withMore} should exceed {alone}");
    }

    [Fact]
    public void Fifty_long_random_tags_do_not_fit()
    {
        var random = new Random(3);
        string Text(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26))));
        var tags = Enumerable.Range(0, 50).Select(_ => new Tag(Text(128), Text(256))).ToList();

        Assert.True(PackedPolicy.PercentOf(null, [], tags) > 100);
    }
}
