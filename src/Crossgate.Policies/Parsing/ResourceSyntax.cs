namespace Crossgate.Policies.Parsing;

/// <summary>Checks one Resource/NotResource entry as IAM does: <c>*</c> or an ARN with a known partition, six
/// parts and a literal service, plus the service rules IAM applies while validating (IAM resources carry no region
/// and start with a known resource type; S3 bucket and object ARNs carry neither region nor account). Resource
/// parts, regions and accounts may otherwise hold wildcards and variables (aws-iam-semantics.md §2.3).</summary>
internal static class ResourceSyntax
{
    private const int PartCount = 6;

    private static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    // What IAM's own message lists (aws-iam-semantics.md §2.3).
    private static readonly string[] IamResourceTypes =
    [
        "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/",
        "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/",
    ];

    // S3 resource types that carry a region and/or an account; every other S3 ARN names a bucket or an object.
    private static readonly string[] S3AccountResourceTypes =
        ["accesspoint/", "job/", "storage-lens/", "storage-lens-group/", "access-grants/", "async-request/"];

    /// <summary>AWS's refusal of the entry, or null when it is well formed.</summary>
    public static string? Problem(string resource)
    {
        if (resource == "*")
        {
            return null;
        }

        if (resource.Length == 0)
        {
            return PolicyMessages.ResourceNotArn(resource);
        }

        // IAM reads whatever precedes the first colon as "arn" only when it is; anything else is taken as the
        // partition of an ARN it places after "arn:" and pads with "*" parts.
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            var first = resource.IndexOf(':');
            return PolicyMessages.InvalidPartition(first < 0 ? resource : resource[..first], Placed("arn:" + resource));
        }

        Span<Range> parts = stackalloc Range[PartCount];
        var count = Split(resource, parts);
        var text = resource.AsSpan();
        var partition = text[parts[1]];
        if (!IsKnownPartition(partition))
        {
            return PolicyMessages.InvalidPartition(partition.ToString(), Placed(resource));
        }

        var service = count > 2 ? text[parts[2]] : default;
        if (count > 2 && (service.IndexOfAny('*', '?') >= 0 || service.Contains("${", StringComparison.Ordinal)))
        {
            return PolicyMessages.ResourceVendorNotQualified;
        }

        // Too few parts to be an ARN, or no service: IAM's legacy parser gives up on the whole document.
        if (count < PartCount || service.IsEmpty)
        {
            return PolicyMessages.LegacyParsingFailed;
        }

        var region = text[parts[3]];
        var account = text[parts[4]];
        var name = text[parts[5]];
        if (service is "iam")
        {
            if (!region.IsEmpty)
            {
                return PolicyMessages.IamResourceWithRegion(resource);
            }

            if (name is not "*" && !StartsWithAny(name, IamResourceTypes))
            {
                return PolicyMessages.IamResourcePath;
            }
        }

        if (service is "s3" && !StartsWithAny(name, S3AccountResourceTypes) && !name.StartsWith('*'))
        {
            if (!region.IsEmpty)
            {
                return PolicyMessages.ResourceWithRegion(resource);
            }

            if (!account.IsEmpty)
            {
                return PolicyMessages.ResourceWithAccount(resource);
            }
        }

        return null;
    }

    /// <summary>Splits at the first five colons (the resource part keeps any further ones); the number of parts.</summary>
    private static int Split(string resource, Span<Range> parts)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; i < resource.Length && count < PartCount - 1; i++)
        {
            if (resource[i] == ':')
            {
                parts[count++] = new Range(start, i);
                start = i + 1;
            }
        }

        parts[count++] = new Range(start, resource.Length);
        return count;
    }

    /// <summary>The resource as IAM quotes it when refusing its partition: six parts, missing ones as <c>*</c>.</summary>
    private static string Placed(string arn)
    {
        Span<Range> parts = stackalloc Range[PartCount];
        var count = Split(arn, parts);
        if (count == PartCount)
        {
            return arn;
        }

        // A partition with nothing after it is placed as "arn:X:*:*:*:*" rather than "arn:X::*:*:*".
        var placed = count == 3 && parts[2].Start.Value == arn.Length ? arn[..^1] : arn;
        for (var i = count == 3 && placed.Length != arn.Length ? 2 : count; i < PartCount; i++)
        {
            placed += ":*";
        }

        return placed;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
