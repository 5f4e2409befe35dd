namespace Crossgate.Policies.Parsing;

/// <summary>The accepted shapes of an <c>"AWS"</c> principal value other than <c>*</c>: a 12-digit account id,
/// an IAM root/user/role ARN, an STS assumed-role or federated-user ARN, or a stored unique id
/// (AIDA…/AROA…, what IAM keeps once a named principal is deleted). Wildcards are never allowed.</summary>
internal static class AwsPrincipalSyntax
{
    public static bool IsValid(string value)
    {
        if (value.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return false;
        }

        if (IsAccountId(value))
        {
            return true;
        }

        if (value.StartsWith("AIDA", StringComparison.Ordinal) || value.StartsWith("AROA", StringComparison.Ordinal))
        {
            return IsUniqueId(value);
        }

        return IsPrincipalArn(value);
    }

    public static bool IsAccountId(ReadOnlySpan<char> value)
    {
        if (value.Length != 12)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUniqueId(string value)
    {
        if (value.Length is < 16 or > 128)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrincipalArn(string value)
    {
        // arn:<partition>:<iam|sts>::<account>:<resource>, taken apart without allocating.
        ReadOnlySpan<char> rest = value;
        if (!NextPart(ref rest, out var arn) || arn is not "arn"
            || !NextPart(ref rest, out var partition) || partition.IsEmpty
            || !NextPart(ref rest, out var service)
            || !NextPart(ref rest, out var region) || !region.IsEmpty
            || !NextPart(ref rest, out var account) || !IsAccountId(account))
        {
            return false;
        }

        var resource = rest;
        return service switch
        {
            "iam" => resource is "root" || HasNamedTail(resource, "user/") || HasNamedTail(resource, "role/"),
            "sts" => IsAssumedRole(resource) || HasNamedTail(resource, "federated-user/"),
            _ => false,
        };
    }

    /// <summary>Splits off the text before the next colon; false when no colon is left.</summary>
    private static bool NextPart(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> part)
    {
        var colon = rest.IndexOf(':');
        if (colon < 0)
        {
            part = default;
            return false;
        }

        part = rest[..colon];
        rest = rest[(colon + 1)..];
        return true;
    }

    private static bool HasNamedTail(ReadOnlySpan<char> resource, string prefix) =>
        resource.StartsWith(prefix, StringComparison.Ordinal) && resource.Length > prefix.Length && resource[^1] != '/';

    private static bool IsAssumedRole(ReadOnlySpan<char> resource)
    {
        const string prefix = "assumed-role/";
        if (!resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = resource[prefix.Length..];
        var slash = rest.IndexOf('/');
        return slash > 0 && slash < rest.Length - 1 && rest[(slash + 1)..].IndexOf('/') < 0;
    }
}
