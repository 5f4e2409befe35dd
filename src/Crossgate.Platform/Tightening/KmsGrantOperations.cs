using Crossgate.Policies.Catalog;

namespace Crossgate.Platform.Tightening;

/// <summary>The KMS operations a grant can give (AWS KMS "grant operations"): with <c>kms:CreateGrant</c> limited
/// to AWS resources, the platform lets the service (e.g. EBS) use the key instead of holding these itself.
/// Key administration (CreateKey, PutKeyPolicy, ...) is not among them and is never rewritten.</summary>
public static class KmsGrantOperations
{
    public const string CreateGrant = "kms:CreateGrant";
    public const string GrantIsForAwsResourceKey = "kms:GrantIsForAWSResource";

    private static readonly HashSet<string> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey",
        "GenerateMac", "VerifyMac", "DeriveSharedSecret", "DescribeKey", "CreateGrant", "RetireGrant",
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
