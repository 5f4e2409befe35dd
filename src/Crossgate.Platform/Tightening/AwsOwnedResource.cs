using Crossgate.Policies.Catalog;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.Tightening;

/// <summary>Recognises resources no account can tag, such as AWS's own SSM documents
/// (<c>arn:aws:ssm:*::document/AWS-RunShellScript</c>): the ARN leaves the account empty where the resource type
/// has one. A tag condition on them would deny the action outright, so they keep their permission untagged.</summary>
public static class AwsOwnedResource
{
    private const string AnyAccount = "123456789012";

    public static bool IsAwsOwned(string resourcePattern, IEnumerable<ActionInfo> actions)
    {
        if (!Arn.TryParse(resourcePattern, out var arn) || arn.Account.Length != 0)
        {
            return false;
        }

        // With an account filled in, the pattern must fit a type whose ARNs carry one (S3's never do).
        var withAccount = (arn with { Account = AnyAccount }).ToString();
        foreach (var action in actions)
        {
            foreach (var resource in action.ResourceTypes)
            {
                var fields = resource.Type.ArnPattern.Split(':', 6);
                if (fields.Length == 6 && fields[4] == "${Account}" && resource.Type.CouldMatch(withAccount))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
