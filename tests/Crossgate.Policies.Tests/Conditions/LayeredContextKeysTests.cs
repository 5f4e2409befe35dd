using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Tests.Conditions;

/// <summary>Keys layered over a caller's shared keys read as one set, the request's own winning, and nothing done
/// to the request's keys reaches the shared ones.</summary>
public sealed class LayeredContextKeysTests
{
    private static ContextKeys Shared()
    {
        var shared = new ContextKeys();
        shared.Set("aws:PrincipalArn", "arn:aws:iam::111111111111:user/alice");
        shared.Set("aws:PrincipalTag/team", "blue");
        return shared;
    }

    [Fact]
    public void OwnKeysWinAndSharedKeysShowThrough()
    {
        var shared = Shared();
        var keys = new ContextKeys(shared, 4);
        keys.Set("aws:principaltag/TEAM", "red");
        keys.Set("aws:ResourceAccount", "222222222222");

        Assert.True(keys.TryGet("aws:PrincipalTag/team", out var team));
        Assert.Equal("red", team.Values[0]);
        Assert.True(keys.TryGet("AWS:PRINCIPALARN".AsSpan(), out var arn));
        Assert.Equal("arn:aws:iam::111111111111:user/alice", arn.Values[0]);
        Assert.Equal(3, keys.Count);
        Assert.Equal(3, keys.All.Count());
        Assert.Equal("red", keys.All.Single(p => p.Key.Equals("aws:PrincipalTag/team", StringComparison.OrdinalIgnoreCase)).Value.Values[0]);
        Assert.True(shared.TryGet("aws:PrincipalTag/team", out var original));
        Assert.Equal("blue", original.Values[0]);
    }

    [Fact]
    public void TryAddDoesNotShadowASharedKey()
    {
        var keys = new ContextKeys(Shared(), 2);
        Assert.False(keys.TryAdd("aws:PrincipalArn", ContextValue.Single("arn:aws:iam::999999999999:user/mallory")));
        Assert.True(keys.TryAdd("sts:ExternalId", ContextValue.Single("abc")));
        Assert.True(keys.TryGet("aws:PrincipalArn", out var arn));
        Assert.Equal("arn:aws:iam::111111111111:user/alice", arn.Values[0]);
        Assert.True(keys.Contains("sts:externalid"));
    }

    [Fact]
    public void RemovingASharedKeyLeavesTheSharedSetWhole()
    {
        var shared = Shared();
        var keys = new ContextKeys(shared, 2);
        Assert.True(keys.Remove("aws:PrincipalTag/team"));
        Assert.False(keys.Contains("aws:PrincipalTag/team"));
        Assert.True(keys.Contains("aws:PrincipalArn"));
        Assert.True(shared.Contains("aws:PrincipalTag/team"));

        keys.Clear();
        Assert.Equal(0, keys.Count);
        Assert.Equal(2, shared.Count);
    }
}
