using Crossgate.Cli.Output;

namespace Crossgate.Cli.Tests.Output;

/// <summary>The report's wrapping: at 100 to 120 columns no word is broken in the middle; an ARN longer than the
/// room left breaks after ':' or '/'.</summary>
public class TextWrapTests
{
    private const string Reason =
        "denied by the service control policy DenyStorageAndKeys (arn:aws:organizations::111111111111:policy/o-a1b2c3d4e5/service_control_policy/p-0123456789abcdef): " +
        "s3:GetObject, s3:PutObject, s3:ListBucket, arn:aws:iam::222222222222:role/a/very/long/path/of/teams/and/projects/PlatformResponseRoleWithALongName";

    [Theory]
    [InlineData(100)]
    [InlineData(110)]
    [InlineData(120)]
    public void Lines_fit_and_break_only_at_spaces_colons_and_slashes(int width)
    {
        var lines = TextWrap.Lines(Reason, width - 8, 4).ToList();

        Assert.All(lines, l => Assert.True(l.Length <= width - 8, l));
        var pieces = lines.Select((l, i) => i == 0 ? l : l[4..]).ToList();
        Assert.Equal(Reason.Replace(" ", string.Empty), string.Concat(pieces).Replace(" ", string.Empty));

        // Each line ends with a whole word of the text, or with a piece of one that ends in ':' or '/'.
        var words = Reason.Split(' ');
        foreach (var piece in pieces.SkipLast(1))
        {
            var last = piece.Split(' ')[^1];
            Assert.True(words.Contains(last) || last.EndsWith(':') || last.EndsWith('/'), piece);
        }
    }

    [Fact]
    public void A_line_that_fits_is_kept_as_it_is()
    {
        Assert.Equal(["a  b   c"], TextWrap.Lines("a  b   c", 100, 4));
    }
}
