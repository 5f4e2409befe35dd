using System.Collections.Immutable;

namespace Crossgate.Policies.Parsing;

/// <summary>Collects refusals while a document is read, so one pass can report every fault with its location.</summary>
internal sealed class PolicyErrorList
{
    private ImmutableArray<PolicyError>.Builder? _errors;

    public bool HasErrors => _errors is { Count: > 0 };

    public int Count => _errors?.Count ?? 0;

    public void Malformed(string message, string path) => Add(new PolicyError(PolicyError.MalformedPolicyDocument, message, path));

    /// <summary>Reports at the reader's current location, building its path text only now.</summary>
    public void Malformed(string message, in JsonLocation location) => Malformed(message, location.ToString());

    public void Add(PolicyError error)
    {
        _errors ??= ImmutableArray.CreateBuilder<PolicyError>();
        _errors.Add(error);
    }

    /// <summary>True when a fault was already reported at exactly this path (avoids a second, derived report).</summary>
    public bool HasErrorAt(string path)
    {
        if (_errors is null)
        {
            return false;
        }

        foreach (var error in _errors)
        {
            if (error.Path == path)
            {
                return true;
            }
        }

        return false;
    }

    public ImmutableArray<PolicyError> ToImmutable() => _errors?.ToImmutable() ?? ImmutableArray<PolicyError>.Empty;
}
