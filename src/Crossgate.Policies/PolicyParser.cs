namespace Crossgate.Policies;

/// <summary>Turns policy JSON into a <see cref="PolicyDocument"/> or AWS's refusal. Never throws.</summary>
public static class PolicyParser
{
    // CONTRACT — implementation pending (parsing work).
    public static PolicyParseResult Parse(string json, PolicyKind kind) => throw new NotImplementedException();

    public static PolicyParseResult Parse(ReadOnlySpan<byte> utf8Json, PolicyKind kind) => throw new NotImplementedException();
}
