namespace Crossgate.Analysis.Building;

/// <summary>Which condition keys the store settles. The store knows the principal and the resource (ARNs, accounts,
/// tags, organizations); it cannot know what a request will carry (<c>sts:ExternalId</c>, MFA, source IP or VPC,
/// the time, request tags, service keys such as <c>iam:PolicyARN</c>, identity-provider claims). A key the caller
/// supplies with <c>--context</c> is settled, and then the engine decides with its value.</summary>
internal sealed class SettledKeys(IReadOnlySet<string> supplied)
{
    private static readonly HashSet<string> ResourceFacts = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths",
    };

    private static readonly HashSet<string> NamedPrincipalFacts = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName",
    };

    private static readonly HashSet<string> StorePrincipalFacts = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:userid", "aws:username", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
    };

    /// <summary>Keys the analysis itself puts in every request of an action it decides (<c>iam:PassedToService</c>).</summary>
    public const string PassedToService = "iam:PassedToService";

    public IReadOnlySet<string> Supplied { get; } = supplied;

    public bool IsSettled(string key, Exposure exposure)
    {
        if (Supplied.Contains(key) || key.Equals(PassedToService, StringComparison.OrdinalIgnoreCase) || ResourceFacts.Contains(key)
            || key.Contains(":ResourceTag/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return exposure switch
        {
            Exposure.InStore => NamedPrincipalFacts.Contains(key) || StorePrincipalFacts.Contains(key)
                || key.StartsWith("aws:PrincipalTag/", StringComparison.OrdinalIgnoreCase),
            Exposure.ExternalNamed => NamedPrincipalFacts.Contains(key),
            Exposure.ExternalAccount => key.Equals("aws:PrincipalAccount", StringComparison.OrdinalIgnoreCase)
                || key.Equals("aws:PrincipalIsAWSService", StringComparison.OrdinalIgnoreCase),
            _ => key.Equals("aws:PrincipalIsAWSService", StringComparison.OrdinalIgnoreCase)
                || key.Equals("aws:PrincipalServiceName", StringComparison.OrdinalIgnoreCase),
        };
    }
}
