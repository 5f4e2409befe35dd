namespace Crossgate.Policies.Linting;

/// <summary>Issue codes. Those marked AA are IAM Access Analyzer's (IAM User Guide, "IAM policy validation check
/// reference"), with its wording for the message; the others are Crossgate's own checks.</summary>
public static class FindingCodes
{
    // Errors
    public const string InvalidAction = "INVALID_ACTION"; // AA
    public const string InvalidServiceInAction = "INVALID_SERVICE_IN_ACTION"; // AA
    public const string InvalidGlobalConditionKey = "INVALID_GLOBAL_CONDITION_KEY"; // AA
    public const string InvalidServiceConditionKey = "INVALID_SERVICE_CONDITION_KEY"; // AA
    public const string InvalidConditionKeyFormat = "INVALID_CONDITION_KEY_FORMAT"; // AA

    // Security warnings
    public const string AllowWithNotPrincipal = "ALLOW_WITH_NOT_PRINCIPAL"; // AA
    public const string PassRoleWithStarInResource = "PASS_ROLE_WITH_STAR_IN_RESOURCE"; // AA
    public const string PassRoleWithStarInActionAndResource = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"; // AA
    public const string AllowWithNotAction = "ALLOW_WITH_NOT_ACTION";
    public const string AllowWithNotResource = "ALLOW_WITH_NOT_RESOURCE";
    public const string AllowAllActionsOnAllResources = "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES";
    public const string WildcardPrincipalWithoutCondition = "WILDCARD_PRINCIPAL_WITHOUT_CONDITION";
    public const string TrustsAccountWithoutCondition = "TRUSTS_ACCOUNT_WITHOUT_CONDITION";

    // Warnings
    public const string MissingVersion = "MISSING_VERSION"; // AA
    public const string UniqueSidsRecommended = "UNIQUE_SIDS_RECOMMENDED"; // AA
    public const string TypeMismatch = "TYPE_MISMATCH"; // AA
    public const string ResourceMatchesNoAction = "RESOURCE_MATCHES_NO_ACTION";
    public const string ActionMatchesNoResource = "ACTION_MATCHES_NO_RESOURCE";

    // Suggestions
    public const string RedundantAction = "REDUNDANT_ACTION"; // AA
    public const string RedundantResource = "REDUNDANT_RESOURCE"; // AA
    public const string RedundantStatement = "REDUNDANT_STATEMENT"; // AA
}
