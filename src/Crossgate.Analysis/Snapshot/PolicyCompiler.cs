using System.Collections.Concurrent;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Snapshot;

/// <summary>Parses and compiles policy documents once per distinct text: a large organization repeats the same
/// documents (AWS managed policies, generated trust policies) many times. Documents that do not parse are counted
/// and left out, so one broken policy does not hide the rest of the graph.</summary>
internal sealed class PolicyCompiler
{
    private readonly ConcurrentDictionary<(string Text, PolicyKind Kind), CompiledPolicy?> _compiled = new();

    // One instance per (document, name), so that a managed policy attached to many principals is one object and
    // what is derived from it (statements by action, relaxed conditions) is derived once.
    private readonly ConcurrentDictionary<(CompiledPolicy Policy, string Name), CompiledPolicy> _named = new();
    private int _rejected;

    public int Rejected => _rejected;

    /// <summary>A policy whose name many principals share (a managed policy's ARN): one named object for all.</summary>
    public CompiledPolicy? Compile(string text, PolicyKind kind, string name)
    {
        if (Unnamed(text, kind) is not { } compiled)
        {
            return null;
        }

        return _named.GetOrAdd((compiled, name), static key => key.Policy.WithName(key.Name));
    }

    /// <summary>A policy whose name is its owner's alone (an inline policy, a trust policy): named directly, as no
    /// other principal could share the named object (keeping it would only grow the shared table by one entry per
    /// principal).</summary>
    public CompiledPolicy? CompileOwn(string text, PolicyKind kind, string name)
    {
        var compiled = Unnamed(text, kind);
        return compiled?.WithName(name);
    }

    private CompiledPolicy? Unnamed(string text, PolicyKind kind)
    {
        var compiled = _compiled.GetOrAdd((text, kind), static key =>
        {
            var parsed = PolicyParser.Parse(key.Text, key.Kind);
            return parsed.Success ? CompiledPolicy.Compile(parsed.Document!) : null;
        });
        if (compiled is null)
        {
            Interlocked.Increment(ref _rejected);
        }

        return compiled;
    }
}
