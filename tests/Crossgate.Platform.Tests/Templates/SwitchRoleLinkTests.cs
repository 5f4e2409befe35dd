using Crossgate.Platform.Templates;

namespace Crossgate.Platform.Tests.Templates;

public class SwitchRoleLinkTests
{
    [Fact]
    public void The_link_matches_the_consoles()
    {
        // As the IAM console shows it for CrossAccount-B.
        Assert.Equal(
            "https://signin.aws.amazon.com/switchrole?roleName=CrossAccount-B&account=463646775279",
            SwitchRoleLink.For("arn:aws:iam::463646775279:role/CrossAccount-B"));
    }

    [Fact]
    public void A_display_name_is_url_encoded()
    {
        Assert.Equal(
            "https://signin.aws.amazon.com/switchrole?roleName=CrossAccount-B&account=222222222222&displayName=Target%20B%20%26%20co%3D1",
            SwitchRoleLink.For("arn:aws:iam::222222222222:role/CrossAccount-B", "Target B & co=1"));
    }

    [Fact]
    public void The_role_path_goes_before_the_name_without_its_leading_slash()
    {
        var link = SwitchRoleLink.For("arn:aws:iam::222222222222:role/platform/ir/Responder");
        Assert.Equal("https://signin.aws.amazon.com/switchrole?roleName=platform%2Fir%2FResponder&account=222222222222", link);
        Assert.Equal("platform/ir/Responder", Uri.UnescapeDataString(link.Split("roleName=")[1].Split('&')[0]));
    }

    [Fact]
    public void Names_with_plus_and_at_are_escaped()
    {
        var link = SwitchRoleLink.For("arn:aws:iam::222222222222:role/a+b@c=d");
        Assert.Contains("roleName=a%2Bb%40c%3Dd&", link);
    }

    [Theory]
    [InlineData("arn:aws-cn:iam::222222222222:role/R", "https://signin.amazonaws.cn/switchrole?")]
    [InlineData("arn:aws-us-gov:iam::222222222222:role/R", "https://signin.amazonaws-us-gov.com/switchrole?")]
    public void Other_partitions_use_their_sign_in_page(string arn, string prefix)
    {
        Assert.StartsWith(prefix, SwitchRoleLink.For(arn));
    }

    [Theory]
    [InlineData("arn:aws:iam::222222222222:user/alex")]
    [InlineData("arn:aws:iam::2222:role/R")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("CrossAccount-B")]
    public void Non_role_arns_are_refused(string arn)
    {
        Assert.False(SwitchRoleLink.TryCreate(arn, null, out var link, out var error));
        Assert.Null(link);
        Assert.NotNull(error);
        Assert.Throws<ArgumentException>(() => SwitchRoleLink.For(arn));
    }

    [Fact]
    public void Path_and_name_longer_than_64_characters_cannot_be_switched_to()
    {
        var arn = "arn:aws:iam::222222222222:role/" + new string('p', 30) + "/" + new string('n', 34);
        Assert.False(SwitchRoleLink.TryCreate(arn, null, out _, out var error));
        Assert.Contains("64", error);
        Assert.True(SwitchRoleLink.TryCreate("arn:aws:iam::222222222222:role/" + new string('p', 29) + "/" + new string('n', 34), null, out _, out _));
    }
}
