namespace Crossgate.Policies.Parsing;

/// <summary>The texts AWS returns when it refuses a policy document (aws-iam-semantics.md §2.2, §2.3, §3.2, §3.5).
/// Kept in one place so the parser and its tests cannot drift apart.</summary>
public static class PolicyMessages
{
    public const string SyntaxErrors = "Syntax errors in policy.";
    public const string LegacyParsingFailed = "The policy failed legacy parsing";
    public const string VersionTooOld = "Policy document must be version 2012-10-17 or greater.";
    public const string ShouldNotSpecifyPrincipal = "Policy document should not specify a principal.";
    public const string MissingPrincipal = "Missing required field Principal";
    public const string NoPrincipals =
        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";
    public const string MustContainActions = "Policy statement must contain actions.";
    public const string MustContainResources = "Policy statement must contain resources.";
    public const string SidNotUnique = "Statement IDs (SID) in a single policy must be unique.";
    public const string SidNotAlphanumeric =
        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*";
    public const string ActionNeedsVendor = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    public const string ActionOneColon = "Actions/Condition can contain only one colon.";
    public const string ResourceVendorNotQualified = "Resource vendor must be fully qualified and cannot contain regexes.";

    /// <summary>IAM's historical wording; AWS has since accepted sts:TagSession, sts:SetSourceIdentity and
    /// sts:SetContext in trust policies too, which the validator allows.</summary>
    public const string TrustPolicyActions =
        "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML, and sts:AssumeRoleWithWebIdentity";

    /// <summary>AWS Organizations' single refusal for SCP/RCP content that breaks the policy type's rules.</summary>
    public const string OrganizationsPolicyTypeMismatch =
        "The provided policy document does not meet the requirements of the specified policy type.";

    public static string ProhibitedField(string element) => $"Has prohibited field {element}.";

    /// <summary>e.g. <c>Invalid principal in policy: "AWS":"foo"</c>.</summary>
    public static string InvalidPrincipal(string type, string value) => $"Invalid principal in policy: \"{type}\":\"{value}\"";

    public static string InvalidVendor(string vendor) => $"Vendor {vendor} is not valid";

    public static string ResourceNotArn(string resource) => $"Resource {resource} must be in ARN format or \"*\".";

    public static string InvalidPartition(string partition, string resource) =>
        $"Partition \"{partition}\" is not valid for resource \"{resource}\".";

    public static string IamResourceWithRegion(string resource) => $"IAM resource {resource} cannot contain region information.";

    public const string IamResourcePath =
        "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.";

    /// <summary>S3 bucket and object ARNs, e.g. <c>Resource arn:aws:s3:us-west-2:123456789:test/athena can not contain
    /// region information.</c> (quoted from IAM in aws/aws-cdk#22445).</summary>
    public static string ResourceWithRegion(string resource) => $"Resource {resource} can not contain region information.";

    /// <summary>The same refusal for an account; worded after the region one.</summary>
    public static string ResourceWithAccount(string resource) => $"Resource {resource} can not contain account information.";
}
