using Crossgate.Platform.Aws;
using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Asks IAM's <c>SimulatePrincipalPolicy</c> (Crossgate's endpoint or real AWS) about the role, with the
/// role's own session: one call per distinct resource, one after another. A refusal is traced to its layer from the
/// answer's <c>OrganizationsDecisionDetail</c> and <c>PermissionsBoundaryDecisionDetail</c>; the boundary is named
/// from <c>GetRole</c>, a service control policy by <paramref name="organization"/> (the platform's own view of the
/// organization) when given.</summary>
public sealed class SimulatorPermissionOracle(IamClient iam, ServiceControlPolicyFinder? organization = null, string? accountId = null) : IPermissionOracle
{
    private Task<string?>? _boundary;

    public async Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<(string Action, string Resource)> questions, CancellationToken cancellation)
    {
        var byResource = questions.GroupBy(q => q.Resource, StringComparer.Ordinal).ToList();
        var verdicts = new List<ActionVerdict>(questions.Count);
        for (var i = 0; i < byResource.Count; i++)
        {
            // One call at a time: a check keeps one request in flight per account it checks, so that the eight
            // accounts it checks at once (and other checks sharing the endpoint) do not queue every account's
            // AssumeRole behind a burst of simulations.
            var answers = await iam.SimulatePrincipalPolicyAsync(roleArn, [.. byResource[i].Select(q => q.Action)], [byResource[i].Key], [], cancellation).ConfigureAwait(false);
            foreach (var r in answers)
            {
                var resource = r.Resource ?? byResource[i].Key;
                var cause = r.IsAllowed ? null : await CauseOfAsync(roleArn, r, resource, cancellation).ConfigureAwait(false);
                verdicts.Add(new ActionVerdict(r.Action, resource, r.Decision, [.. r.MissingContextValues], cause));
            }
        }

        return verdicts;
    }

    public async Task<IReadOnlyList<Statement>?> RoleStatementsAsync(string roleArn, CancellationToken cancellation)
    {
        try
        {
            var documents = await iam.GetRolePolicyDocumentsAsync(RoleName(roleArn), cancellation).ConfigureAwait(false);
            var statements = new List<Statement>();
            foreach (var (_, document) in documents)
            {
                var parsed = PolicyParser.Parse(document, PolicyKind.Identity);
                if (parsed.Success)
                {
                    statements.AddRange(parsed.Document!.Statements);
                }
            }

            return statements;
        }
        catch (AwsCallException)
        {
            // The role may not read its own policies: the report then names the keys the simulator wanted.
            return null;
        }
    }

    private async Task<DenialCause> CauseOfAsync(string roleArn, SimulationResult result, string resource, CancellationToken cancellation)
    {
        if (result.AllowedByOrganizations == false)
        {
            var named = organization is null || accountId is null
                ? null
                : await organization.FindDenyingAsync(accountId, result.Action, resource, cancellation).ConfigureAwait(false);
            return named ?? new DenialCause(DenialKind.ServiceControlPolicy);
        }

        if (result.AllowedByPermissionsBoundary == false)
        {
            var arn = await BoundaryAsync(roleArn, cancellation).ConfigureAwait(false);
            return arn is null ? new DenialCause(DenialKind.PermissionsBoundary) : new DenialCause(DenialKind.PermissionsBoundary, DenialCause.NameFromArn(arn), arn);
        }

        if (result.Decision == "explicitDeny")
        {
            for (var i = 0; i < result.MatchedStatementIds.Count; i++)
            {
                var type = i < result.MatchedStatementTypes.Count ? result.MatchedStatementTypes[i] : string.Empty;
                if (type is "role" or "aws-managed" or "user-managed")
                {
                    return new DenialCause(DenialKind.RolePolicyDeny, result.MatchedStatementIds[i]);
                }
            }

            return new DenialCause(DenialKind.RolePolicyDeny);
        }

        return DenialCause.NoAllow;
    }

    private Task<string?> BoundaryAsync(string roleArn, CancellationToken cancellation) =>
        LazyInitializer.EnsureInitialized(ref _boundary, async () =>
        {
            try
            {
                return await iam.GetRoleBoundaryArnAsync(RoleName(roleArn), cancellation).ConfigureAwait(false);
            }
            catch (AwsCallException)
            {
                return null;
            }
        });

    private static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];
}
