using System.Buffers;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>BinaryEquals: both sides base64, compared byte for byte after decoding. Policy values are decoded once.</summary>
public sealed class BinaryCondition : CompiledCondition
{
    private const int StackLimit = 256;

    private readonly byte[]?[] _values;

    public BinaryCondition(Condition source)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, Decode);
    }

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        byte[]? rented = null;
        var buffer = requestValue.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(requestValue.Length));
        try
        {
            if (!Convert.TryFromBase64Chars(requestValue, buffer, out var written))
            {
                return ValueTest.Incomparable;
            }

            var request = buffer[..written];
            foreach (var value in _values)
            {
                if (value is not null && request.SequenceEqual(value))
                {
                    return ValueTest.Match;
                }
            }

            return ValueTest.NoMatch;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
