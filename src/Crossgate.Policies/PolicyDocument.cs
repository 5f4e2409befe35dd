using System.Collections.Immutable;

namespace Crossgate.Policies;

/// <summary>An IAM JSON policy, parsed and validated for one <see cref="PolicyKind"/>. Immutable.</summary>
public sealed class PolicyDocument
{
    public const string CurrentVersion = "2012-10-17";
    public const string LegacyVersion = "2008-10-17";

    public PolicyDocument(PolicyKind kind, string? version, string? id, ImmutableArray<Statement> statements)
    {
        Kind = kind;
        Version = version;
        Id = id;
        Statements = statements;
    }

    public PolicyKind Kind { get; }

    /// <summary>The <c>Version</c> element as written, or null when absent.</summary>
    public string? Version { get; }

    public string? Id { get; }

    public ImmutableArray<Statement> Statements { get; }

    /// <summary>Policy variables such as <c>${aws:username}</c> are substituted only under 2012-10-17;
    /// with 2008-10-17 or no Version they are literal text.</summary>
    public bool SupportsPolicyVariables => Version == CurrentVersion;
}
