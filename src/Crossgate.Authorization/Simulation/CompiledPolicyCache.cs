using System.Collections.Concurrent;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>Policies keyed by their exact UTF-8 text and kind, so that a document repeated across scenarios
/// (FullAWSAccess at every level, a shared trust policy) is parsed and compiled once per run. Refusals are cached
/// too: the same text always gets the same answer. Lookups hash the text in place; only a new text is copied.</summary>
public sealed class CompiledPolicyCache
{
    private readonly ConcurrentDictionary<byte[], PolicyParseOutcome>[] _byKind;

    public CompiledPolicyCache()
    {
        _byKind = new ConcurrentDictionary<byte[], PolicyParseOutcome>[Enum.GetValues<PolicyKind>().Length];
        for (var i = 0; i < _byKind.Length; i++)
        {
            _byKind[i] = new ConcurrentDictionary<byte[], PolicyParseOutcome>(TextComparer.Instance);
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var entries in _byKind)
            {
                count += entries.Count;
            }

            return count;
        }
    }

    public PolicyParseOutcome GetOrParse(ReadOnlySpan<byte> utf8, PolicyKind kind)
    {
        var entries = _byKind[(int)kind];
        var lookup = entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(utf8, out var cached))
        {
            return cached;
        }

        var parsed = PolicyParser.Parse(utf8, kind);
        var outcome = parsed.Success
            ? new PolicyParseOutcome(CompiledPolicy.Compile(parsed.Document), null)
            : new PolicyParseOutcome(null, parsed.Errors[0]);
        return entries.GetOrAdd(utf8.ToArray(), outcome);
    }

    /// <summary>Compares policy texts byte for byte, from a stored array or a span being looked up.</summary>
    private sealed class TextComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly TextComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] text) => Hash(text);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> text)
        {
            var hash = new HashCode();
            hash.AddBytes(text);
            return hash.ToHashCode();
        }
    }
}

/// <summary>A compiled policy, or the first error that refused its text.</summary>
public readonly record struct PolicyParseOutcome(CompiledPolicy? Policy, PolicyError? Error);
