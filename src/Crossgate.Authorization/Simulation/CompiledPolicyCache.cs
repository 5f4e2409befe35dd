using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>Policies keyed by their exact UTF-8 text and kind, so that a document repeated across scenarios
/// (FullAWSAccess at every level, a shared trust policy) is parsed and compiled once. Refusals are cached too: the
/// same text always gets the same answer. Lookups hash the text in place; only a new text is copied.
/// One cache serves one thread. In a large file most texts occur once, and keeping those would only make the
/// collector copy them about, so a text is kept only when it comes a second time (a table of hashes remembers
/// what has been seen), and the cache starts afresh after <see cref="Capacity"/> texts.</summary>
public sealed class CompiledPolicyCache
{
    public const int Capacity = 512;

    private const int SeenSlots = 4096;

    private readonly Dictionary<byte[], PolicyParseOutcome>[] _byKind;
    private readonly int[] _seen = new int[SeenSlots];
    private int _count;

    public CompiledPolicyCache()
    {
        _byKind = new Dictionary<byte[], PolicyParseOutcome>[Enum.GetValues<PolicyKind>().Length];
        for (var i = 0; i < _byKind.Length; i++)
        {
            _byKind[i] = new Dictionary<byte[], PolicyParseOutcome>(TextComparer.Instance);
        }
    }

    public int Count => _count;

    public PolicyParseOutcome GetOrParse(ReadOnlySpan<byte> utf8, PolicyKind kind)
    {
        var entries = _byKind[(int)kind];
        var lookup = entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(utf8, out var cached))
        {
            return cached;
        }

        // Kind and text together: the same text read as two kinds must be seen twice as each.
        var hash = TextComparer.Hash(utf8) ^ (int)kind;
        ref var seen = ref _seen[hash & (SeenSlots - 1)];
        var secondSighting = seen == hash;
        seen = hash;

        var parsed = PolicyParser.Parse(utf8, kind);
        var outcome = parsed.Success
            ? new PolicyParseOutcome(CompiledPolicy.Compile(parsed.Document), null)
            : new PolicyParseOutcome(null, parsed.Errors[0]);
        if (!secondSighting)
        {
            return outcome;
        }

        if (_count == Capacity)
        {
            foreach (var kindEntries in _byKind)
            {
                kindEntries.Clear();
            }

            _count = 0;
        }

        entries.Add(utf8.ToArray(), outcome);
        _count++;
        return outcome;
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

        public static int Hash(ReadOnlySpan<byte> text)
        {
            var hash = new HashCode();
            hash.AddBytes(text);
            return hash.ToHashCode();
        }
    }
}

/// <summary>A compiled policy, or the first error that refused its text.</summary>
public readonly record struct PolicyParseOutcome(CompiledPolicy? Policy, PolicyError? Error);
