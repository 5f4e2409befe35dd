using System.Collections.Concurrent;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Directory.Gathering;

/// <summary>Compiled policies keyed by what the policy is (a managed policy's id, an entity's inline policy, a trust
/// policy…) and stamped with the version it was compiled from (row version, default version id). A lookup with a
/// newer stamp recompiles and replaces the entry, so a change invalidates it without any notification.</summary>
public sealed class CompiledPolicyCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _compilations;

    public int Count => _entries.Count;

    /// <summary>How many documents were parsed and compiled (misses), for tests and benchmarks.</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>The compiled policy for <paramref name="key"/> at <paramref name="version"/>, compiling
    /// <paramref name="document"/> when the cache holds none or an older one; the parse refusal otherwise.</summary>
    public DirectoryResult<CompiledPolicy> GetOrCompile(string key, string version, string document, PolicyKind kind, string name)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            return DirectoryResult<CompiledPolicy>.Ok(entry.Policy);
        }

        var parsed = PolicyParser.Parse(document, kind);
        if (!parsed.Success)
        {
            var first = parsed.Errors[0];
            return IamError.MalformedPolicyDocument($"{name}: {first.Message} (at {first.Path})");
        }

        Interlocked.Increment(ref _compilations);
        var compiled = CompiledPolicy.Compile(parsed.Document, name);
        _entries[key] = new Entry(version, compiled);
        return DirectoryResult<CompiledPolicy>.Ok(compiled);
    }

    public void Invalidate(string key) => _entries.TryRemove(key, out _);

    public void Clear() => _entries.Clear();

    private sealed record Entry(string Version, CompiledPolicy Policy);
}
