using Crossgate.Policies.Catalog;

namespace Crossgate.Platform.Tightening;

/// <summary>The KMS key-use operations a grant gives in the platform's stead (<c>kms:Encrypt</c>, <c>kms:Decrypt</c>,
/// <c>kms:ReEncrypt*</c>, <c>kms:GenerateDataKey*</c>, and <c>kms:CreateGrant</c> itself): with
/// <c>kms:CreateGrant</c> limited to AWS resources, the service (e.g. EBS) uses the key instead of the platform.
/// Read-only operations (<c>kms:DescribeKey</c>, <c>kms:ListAliases</c>, <c>kms:GetKeyPolicy</c>) and key
/// administration are not among them and are never rewritten.</summary>
public static class KmsGrantOperations
{
    public const string CreateGrant = "kms:CreateGrant";
    public const string GrantIsForAwsResourceKey = "kms:GrantIsForAWSResource";

    private static readonly HashSet<string> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "CreateGrant",
    };

    public static bool IsGrantOperation(ActionInfo action) =>
        string.Equals(action.Service.Prefix, "kms", StringComparison.OrdinalIgnoreCase) && Operations.Contains(action.Name);

    /// <summary>How a statement's action pattern relates to the grant operations.</summary>
    public static KmsActionScope Classify(string actionPattern, ActionCatalog catalog)
    {
        var colon = actionPattern.IndexOf(':');
        if (colon <= 0 || !actionPattern.AsSpan(0, colon).Equals("kms", StringComparison.OrdinalIgnoreCase))
        {
            // "*" or "k*:..." reach KMS too, but rewriting them would take away far more than KMS.
            return catalog.Expand(actionPattern).Any(IsGrantOperation) ? KmsActionScope.Mixed : KmsActionScope.None;
        }

        var expanded = catalog.Expand(actionPattern);
        if (expanded.IsEmpty)
        {
            return KmsActionScope.None;
        }

        var grantable = expanded.Count(IsGrantOperation);
        return grantable == expanded.Length ? KmsActionScope.GrantOperations
            : grantable == 0 ? KmsActionScope.None
            : KmsActionScope.Mixed;
    }
}

public enum KmsActionScope
{
    /// <summary>No KMS grant operation.</summary>
    None,

    /// <summary>Only grant operations: replaced by <c>kms:CreateGrant</c>.</summary>
    GrantOperations,

    /// <summary>Grant operations and others (<c>kms:*</c>, <c>*</c>): left as is, with a note.</summary>
    Mixed,
}
