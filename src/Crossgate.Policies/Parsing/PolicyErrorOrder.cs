using System.Collections.Immutable;

namespace Crossgate.Policies.Parsing;

/// <summary>The order in which IAM reports a document's faults when it has several: JSON syntax, then Version, then
/// legacy parsing, then repeated Sids, then missing actions, then resource format, then action prefixes, then
/// missing resources. AWS names only the first; Crossgate lists the others after it, each rank in reading order.</summary>
internal static class PolicyErrorOrder
{
    private const int Unranked = 8;

    public static ImmutableArray<PolicyError> Sort(ImmutableArray<PolicyError> errors)
    {
        if (errors.Length < 2)
        {
            return errors;
        }

        // A stable sort: faults of one rank keep the order in which they were found.
        var ranked = new (int Rank, int Index, PolicyError Error)[errors.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            ranked[i] = (Rank(errors[i].Message), i, errors[i]);
        }

        Array.Sort(ranked, static (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Index.CompareTo(b.Index));
        var builder = ImmutableArray.CreateBuilder<PolicyError>(ranked.Length);
        foreach (var entry in ranked)
        {
            builder.Add(entry.Error);
        }

        return builder.MoveToImmutable();
    }

    public static int Rank(string message) => message switch
    {
        PolicyMessages.SyntaxErrors => 0,
        PolicyMessages.VersionTooOld => 1,
        PolicyMessages.LegacyParsingFailed => 2,
        PolicyMessages.SidNotUnique => 3,
        PolicyMessages.MustContainActions => 4,
        PolicyMessages.ResourceVendorNotQualified or PolicyMessages.IamResourcePath => 5,
        _ when message.StartsWith("Partition \"", StringComparison.Ordinal)
            || (message.StartsWith("Resource ", StringComparison.Ordinal) && !message.StartsWith("Resource vendor", StringComparison.Ordinal))
            || message.StartsWith("IAM resource ", StringComparison.Ordinal) => 5,
        PolicyMessages.ActionNeedsVendor or PolicyMessages.ActionOneColon => 6,
        _ when message.StartsWith("Vendor ", StringComparison.Ordinal) => 6,
        PolicyMessages.MustContainResources => 7,
        _ => Unranked,
    };
}
