using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Server.Application;

/// <summary>GetSessionToken called with a root key: the session acts as the root user, with temporary credentials.
/// The directory's gatherer knows sessions of IAM users only, so the root case is completed here.</summary>
public static class RootSessions
{
    public static bool IsRootSession(StsSession session) =>
        session.Kind == StsSessionKind.SessionToken && session.UserArn == IamArns.Root(session.AccountId);

    public static async Task<DirectoryResult<CallerContext>> ForRootSessionAsync(PolicyGatherer gatherer, StsSession session, CancellationToken cancellationToken)
    {
        var root = await gatherer.ForRootAsync(session.AccountId, cancellationToken).ConfigureAwait(false);
        if (!root.Success)
        {
            return root;
        }

        var principal = root.Value!.Principal;
        return root.Value with
        {
            Principal = new RequestPrincipal
            {
                Kind = PrincipalKind.Root, Arn = principal.Arn, AccountId = principal.AccountId, OrgId = principal.OrgId, OrgPaths = principal.OrgPaths,
                UsesTemporaryCredentials = true, MultiFactorAuthenticated = session.MfaAuthenticated, MultiFactorAuthTime = session.MfaAuthTime,
                TokenIssueTime = session.IssuedAt,
            },
        };
    }
}
