using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>IpAddress / NotIpAddress: the request address (e.g. <c>aws:SourceIp</c>) inside any of the policy's
/// IPv4/IPv6 CIDR blocks. Blocks are parsed at compile time; one that does not parse matches nothing.</summary>
public sealed class IpAddressCondition : CompiledCondition
{
    private readonly CidrBlock?[] _values;

    public IpAddressCondition(Condition source)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, static v => CidrBlock.TryParse(v, out var block) ? block : (CidrBlock?)null);
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (!IpAddressValue.TryParse(requestValue, out var address))
        {
            return ValueTest.Incomparable;
        }

        foreach (var value in _values)
        {
            if (value is { } block && block.Contains(address))
            {
                return ValueTest.Match;
            }
        }

        return ValueTest.NoMatch;
    }
}
