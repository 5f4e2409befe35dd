namespace Crossgate.Authorization;

/// <summary>Changes no customer can make, whatever their policies allow: AWS managed policies
/// (<c>arn:aws:iam::aws:policy/…</c>), roles under <c>/aws-reserved/</c> and service-linked roles under
/// <c>/aws-service-role/</c> (only the owning service may change them), and AWS managed KMS aliases (<c>alias/aws/…</c>).</summary>
public static class ProtectedResources
{
    private static readonly string[] ManagedPolicyActions =
    [
        "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
        "iam:TagPolicy", "iam:UntagPolicy",
    ];

    private static readonly string[] ProtectedRoleActions =
    [
        "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:DeleteRole",
        "iam:UpdateAssumeRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
    ];

    private static readonly string[] ManagedKeyActions =
    [
        "kms:DeleteAlias", "kms:UpdateAlias", "kms:CreateAlias", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy",
    ];

    /// <summary>What kind of protected resource the request would change, or null when it changes none.</summary>
    public static ProtectedResourceKind? Covers(string action, string resource)
    {
        var arn = resource.AsSpan();
        if (!TryResourcePart(arn, out var service, out var account, out var name))
        {
            return null;
        }

        if (service is "iam")
        {
            if (account is "aws" && name.StartsWith("policy/", StringComparison.Ordinal) && IsOneOf(action, ManagedPolicyActions))
            {
                return ProtectedResourceKind.AwsManagedPolicy;
            }

            if (name.StartsWith("role/aws-service-role/", StringComparison.Ordinal) && IsOneOf(action, ProtectedRoleActions))
            {
                return ProtectedResourceKind.ServiceLinkedRole;
            }

            if (name.StartsWith("role/aws-reserved/", StringComparison.Ordinal) && IsOneOf(action, ProtectedRoleActions))
            {
                return ProtectedResourceKind.ReservedRole;
            }
        }

        if (service is "kms" && name.StartsWith("alias/aws/", StringComparison.Ordinal) && IsOneOf(action, ManagedKeyActions))
        {
            return ProtectedResourceKind.AwsManagedKey;
        }

        return null;
    }

    /// <summary>Service, account and resource part of an ARN, without allocating.</summary>
    private static bool TryResourcePart(ReadOnlySpan<char> arn, out ReadOnlySpan<char> service, out ReadOnlySpan<char> account, out ReadOnlySpan<char> name)
    {
        service = account = name = default;
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = arn[4..];
        Span<int> colons = stackalloc int[4];
        var found = 0;
        for (var i = 0; i < rest.Length && found < colons.Length; i++)
        {
            if (rest[i] == ':')
            {
                colons[found++] = i;
            }
        }

        if (found < colons.Length)
        {
            return false;
        }

        service = rest[(colons[0] + 1)..colons[1]];
        account = rest[(colons[2] + 1)..colons[3]];
        name = rest[(colons[3] + 1)..];
        return true;
    }

    private static bool IsOneOf(string action, string[] actions)
    {
        foreach (var candidate in actions)
        {
            if (action.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The kinds of resource only AWS may change.</summary>
public enum ProtectedResourceKind
{
    AwsManagedPolicy,
    ServiceLinkedRole,
    ReservedRole,
    AwsManagedKey,
}
