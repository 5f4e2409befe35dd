namespace Crossgate.Policies.Parsing;

/// <summary>Checks one Resource/NotResource entry: <c>*</c> or an ARN with a known partition and a literal
/// service (aws-iam-semantics.md §2.3). Resource parts, regions and accounts may hold wildcards and variables.</summary>
internal static class ResourceSyntax
{
    private static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    /// <summary>AWS's refusal of the entry, or null when it is well formed.</summary>
    public static string? Problem(string resource)
    {
        if (resource == "*")
        {
            return null;
        }

        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return PolicyMessages.ResourceNotArn(resource);
        }

        var rest = resource.AsSpan(4);
        var colon = rest.IndexOf(':');
        var partition = colon < 0 ? rest : rest[..colon];
        if (!IsKnownPartition(partition))
        {
            return PolicyMessages.InvalidPartition(partition.ToString(), resource);
        }

        if (colon < 0)
        {
            return PolicyMessages.ResourceVendorNotQualified;
        }

        rest = rest[(colon + 1)..];
        colon = rest.IndexOf(':');
        var service = colon < 0 ? rest : rest[..colon];
        if (service.IsEmpty || service.IndexOfAny('*', '?') >= 0 || service.Contains("${", StringComparison.Ordinal))
        {
            return PolicyMessages.ResourceVendorNotQualified;
        }

        if (colon >= 0 && service is "iam")
        {
            var afterService = rest[(colon + 1)..];
            var regionEnd = afterService.IndexOf(':');
            var region = regionEnd < 0 ? afterService : afterService[..regionEnd];
            if (!region.IsEmpty)
            {
                return PolicyMessages.IamResourceWithRegion(resource);
            }
        }

        return null;
    }

    private static bool IsKnownPartition(ReadOnlySpan<char> partition)
    {
        // A wildcard or variable partition is left to matching; only a literal unknown partition is refused.
        if (partition.IndexOfAny('*', '?') >= 0 || partition.Contains("${", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var known in Partitions)
        {
            if (partition.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }
}
