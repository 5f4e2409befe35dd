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
        // arn:<partition>:<iam|sts>::<account>:<resource>
        var parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[3].Length != 0 || !IsAccountId(parts[4]))
        {
            return false;
        }

        var resource = parts[5];
        return parts[2] switch
        {
            "iam" => resource == "root" || HasNamedTail(resource, "user/") || HasNamedTail(resource, "role/"),
            "sts" => IsAssumedRole(resource) || HasNamedTail(resource, "federated-user/"),
            _ => false,
        };
    }

    private static bool HasNamedTail(string resource, string prefix) =>
        resource.StartsWith(prefix, StringComparison.Ordinal) && resource.Length > prefix.Length && !resource.EndsWith('/');

    private static bool IsAssumedRole(string resource)
    {
        const string prefix = "assumed-role/";
        if (!resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = resource.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && slash < rest.Length - 1 && rest[(slash + 1)..].IndexOf('/') < 0;
    }
}
