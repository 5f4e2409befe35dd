using System.Collections.Concurrent;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>Policies keyed by their exact UTF-8 text and kind, so that a document repeated across scenarios
/// (FullAWSAccess at every level, a shared trust policy) is parsed and compiled once per run. Refusals are cached
/// too: the same text always gets the same answer.</summary>
public sealed class CompiledPolicyCache
{
    private readonly ConcurrentDictionary<Key, PolicyParseOutcome> _entries = new();

    public int Count => _entries.Count;

    public PolicyParseOutcome GetOrParse(ReadOnlySpan<byte> utf8, PolicyKind kind)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        hash.Add(kind);
        var probe = new Key(hash.ToHashCode(), kind, utf8.ToArray());
        if (_entries.TryGetValue(probe, out var cached))
        {
            return cached;
        }

        var parsed = PolicyParser.Parse(utf8, kind);
        var outcome = parsed.Success
            ? new PolicyParseOutcome(CompiledPolicy.Compile(parsed.Document), null)
            : new PolicyParseOutcome(null, parsed.Errors[0]);
        return _entries.GetOrAdd(probe, outcome);
    }

    /// <summary>Identity of a policy text: its bytes, compared in full when hashes agree.</summary>
    private sealed class Key(int hash, PolicyKind kind, byte[] bytes) : IEquatable<Key>
    {
        private readonly int _hash = hash;
        private readonly PolicyKind _kind = kind;
        private readonly byte[] _bytes = bytes;

        public bool Equals(Key? other) =>
            other is not null && other._hash == _hash && other._kind == _kind && other._bytes.AsSpan().SequenceEqual(_bytes);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }
}

/// <summary>A compiled policy, or the first error that refused its text.</summary>
public readonly record struct PolicyParseOutcome(CompiledPolicy? Policy, PolicyError? Error);
