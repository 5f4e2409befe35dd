using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Protocols;

public sealed class QueryParametersTests
{
    private static QueryParameters Parse(string form) => new(AwsUriEncoding.DecodePairs(form));

    [Fact]
    public void Scalars_are_decoded()
    {
        var p = Parse("Action=CreateUser&UserName=al%C3%AFce&Path=%2Fa+b%2F&Empty=");

        Assert.Equal("CreateUser", p.Get("Action"));
        Assert.Equal("alïce", p.Get("UserName"));
        Assert.Equal("/a b/", p.Get("Path"));
        Assert.Equal("", p.Get("Empty"));
        Assert.Null(p.Get("Missing"));
    }

    [Fact]
    public void Scalar_lists_come_back_in_index_order_not_arrival_order()
    {
        var p = Parse("Keys.member.10=j&Keys.member.2=b&Keys.member.1=a&Keys.member.x=ignored&Keys.member.0=ignored");

        Assert.Equal(["a", "b", "j"], p.List("Keys"));
        Assert.Empty(p.List("Other"));
    }

    [Fact]
    public void Structure_lists_group_fields_by_index()
    {
        var p = Parse("Tags.member.2.Key=b&Tags.member.1.Value=1&Tags.member.1.Key=a&Tags.member.2.Value=2&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FX");

        var tags = p.StructList("Tags");
        Assert.Equal(2, tags.Count);
        Assert.Equal(("a", "1"), (tags[0].Get("Key"), tags[0].Get("Value")));
        Assert.Equal(("b", "2"), (tags[1].Get("Key"), tags[1].Get("Value")));
        Assert.Equal("arn:aws:iam::aws:policy/X", p.StructList("PolicyArns").Single().Get("arn"));
    }

    [Fact]
    public void Nested_structures_and_maps()
    {
        var p = Parse("Context.ContextKeyName=aws:CurrentTime&Context.ContextKeyValues.member.1=x&Attrs.entry.1.key=k1&Attrs.entry.1.value=v1&Attrs.entry.2.key=k2");

        var context = p.Struct("Context");
        Assert.Equal("aws:CurrentTime", context.Get("ContextKeyName"));
        Assert.Equal(["x"], context.List("ContextKeyValues"));
        Assert.Equal(new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "" }, p.Map("Attrs"));
    }

    [Theory]
    [InlineData("MaxItems=100", true, 100)]
    [InlineData("MaxItems=-5", true, -5)]
    [InlineData("MaxItems=ten", false, null)]
    [InlineData("", true, null)]
    public void Integers(string form, bool ok, int? expected)
    {
        Assert.Equal(ok, Parse(form).TryGetInt("MaxItems", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Flag=true", true, true)]
    [InlineData("Flag=False", true, false)]
    [InlineData("Flag=yes", false, null)]
    public void Booleans(string form, bool ok, bool? expected)
    {
        Assert.Equal(ok, Parse(form).TryGetBool("Flag", out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void First_occurrence_of_a_repeated_name_wins() =>
        Assert.Equal("1", Parse("A=1&A=2").Get("A"));
}
