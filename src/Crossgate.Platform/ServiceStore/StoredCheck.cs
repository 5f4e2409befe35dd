using System.Collections.Immutable;

namespace Crossgate.Platform.ServiceStore;

/// <summary>One account check as kept in the history: when it ran, whether the role could be assumed (and why not),
/// the verdict (<c>ready</c>, <c>incomplete</c>, <c>notAssumable</c>, <c>notChecked</c>) and each group's result.</summary>
public sealed record StoredCheck(
    long Id, string Alias, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Assumable, string? Reason, string Verdict,
    ImmutableArray<StoredGroup> Groups);

/// <summary>One permission group's result, in the shape <c>accounts check --output json</c> prints.</summary>
public sealed record StoredGroup(
    string Sid, string Status, ImmutableArray<string> MissingActions, ImmutableArray<string> Conditions, ImmutableArray<string> Reasons);
