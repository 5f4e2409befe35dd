using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>The global <c>aws:*</c> condition keys, kept by hand from AWS's "AWS global condition context keys"
/// page (IAM User Guide, reference_policies_condition-keys). Service snapshots only list the few global keys a
/// service documents, so this list is the authority for the <c>aws:</c> prefix.</summary>
public static class GlobalConditionKeys
{
    public static ImmutableArray<ConditionKeyInfo> All { get; } = ImmutableArray.Create(
        // Properties of the principal
        Key("aws:PrincipalArn", ConditionKeyType.Arn),
        Key("aws:PrincipalAccount", ConditionKeyType.String),
        Key("aws:PrincipalOrgPaths", ConditionKeyType.ArrayOfString),
        Key("aws:PrincipalOrgID", ConditionKeyType.String),
        Key("aws:PrincipalTag/${TagKey}", ConditionKeyType.String),
        Key("aws:PrincipalIsAWSService", ConditionKeyType.Bool),
        Key("aws:PrincipalServiceName", ConditionKeyType.String),
        Key("aws:PrincipalServiceNamesList", ConditionKeyType.ArrayOfString),
        Key("aws:PrincipalType", ConditionKeyType.String),
        Key("aws:userid", ConditionKeyType.String),
        Key("aws:username", ConditionKeyType.String),
        Key("aws:AssumedRoot", ConditionKeyType.Bool),

        // Properties of a role session
        Key("aws:FederatedProvider", ConditionKeyType.String),
        Key("aws:TokenIssueTime", ConditionKeyType.Date),
        Key("aws:MultiFactorAuthAge", ConditionKeyType.Numeric),
        Key("aws:MultiFactorAuthPresent", ConditionKeyType.Bool),
        Key("aws:ChatbotSourceArn", ConditionKeyType.Arn),
        Key("aws:Ec2InstanceSourceVpc", ConditionKeyType.String),
        Key("aws:Ec2InstanceSourcePrivateIPv4", ConditionKeyType.IPAddress),
        Key("aws:SourceIdentity", ConditionKeyType.String),

        // Properties of the network
        Key("aws:SourceIp", ConditionKeyType.IPAddress),
        Key("aws:SourceVpc", ConditionKeyType.String),
        Key("aws:SourceVpcArn", ConditionKeyType.Arn),
        Key("aws:SourceVpce", ConditionKeyType.String),
        Key("aws:VpceAccount", ConditionKeyType.String),
        Key("aws:VpceOrgID", ConditionKeyType.String),
        Key("aws:VpceOrgPaths", ConditionKeyType.ArrayOfString),
        Key("aws:VpcSourceIp", ConditionKeyType.IPAddress),

        // Properties of the resource
        Key("aws:ResourceAccount", ConditionKeyType.String),
        Key("aws:ResourceOrgID", ConditionKeyType.String),
        Key("aws:ResourceOrgPaths", ConditionKeyType.ArrayOfString),
        Key("aws:ResourceTag/${TagKey}", ConditionKeyType.String),

        // Properties of the request
        Key("aws:CalledVia", ConditionKeyType.ArrayOfString),
        Key("aws:CalledViaFirst", ConditionKeyType.String),
        Key("aws:CalledViaLast", ConditionKeyType.String),
        Key("aws:ViaAWSService", ConditionKeyType.Bool),
        Key("aws:CurrentTime", ConditionKeyType.Date),
        Key("aws:EpochTime", ConditionKeyType.Date),
        Key("aws:referer", ConditionKeyType.String),
        Key("aws:RequestedRegion", ConditionKeyType.String),
        Key("aws:RequestTag/${TagKey}", ConditionKeyType.String),
        Key("aws:TagKeys", ConditionKeyType.ArrayOfString),
        Key("aws:SecureTransport", ConditionKeyType.Bool),
        Key("aws:SourceAccount", ConditionKeyType.String),
        Key("aws:SourceArn", ConditionKeyType.Arn),
        Key("aws:SourceOrgID", ConditionKeyType.String),
        Key("aws:SourceOrgPaths", ConditionKeyType.ArrayOfString),
        Key("aws:UserAgent", ConditionKeyType.String));

    /// <summary>The documented key a policy's <c>aws:</c> key refers to, or null when there is none.</summary>
    public static ConditionKeyInfo? Find(string key)
    {
        foreach (var candidate in All)
        {
            if (candidate.Matches(key))
            {
                return candidate;
            }
        }

        return null;
    }

    public static bool IsGlobal(string key) => key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    private static ConditionKeyInfo Key(string name, ConditionKeyType type) => new(name, type);
}
