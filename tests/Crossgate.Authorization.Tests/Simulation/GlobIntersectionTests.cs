using Crossgate.Authorization.Simulation;
using Crossgate.Policies.Matching;

namespace Crossgate.Authorization.Tests.Simulation;

public class GlobIntersectionTests
{
    [Theory]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/reports/*")]
    [InlineData("*", "arn:aws:iam::*:role/Admin?")]
    [InlineData("arn:aws:s3:::b*", "arn:aws:s3:::*x")]
    [InlineData("a?c", "*b*")]
    public void The_witness_matches_both_patterns(string a, string b)
    {
        var witness = GlobIntersection.Witness(a, b);
        Assert.NotNull(witness);
        Assert.True(Wildcard.IsMatch(a, witness, ignoreCase: false), witness);
        Assert.True(Wildcard.IsMatch(b, witness, ignoreCase: false), witness);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::other/*")]
    [InlineData("a?", "abc")]
    public void Disjoint_patterns_have_no_witness(string a, string b) => Assert.Null(GlobIntersection.Witness(a, b));
}
