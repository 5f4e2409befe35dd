using Crossgate.Platform.Aws;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Asks IAM's <c>SimulatePrincipalPolicy</c> (Crossgate's endpoint or real AWS) about the role.</summary>
public sealed class SimulatorPermissionOracle(IamClient iam) : IPermissionOracle
{
    public async Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<string> actions, IReadOnlyList<string> resources, CancellationToken cancellation)
    {
        var results = await iam.SimulatePrincipalPolicyAsync(roleArn, actions, resources, [], cancellation).ConfigureAwait(false);
        return [.. results.Select(r => new ActionVerdict(
            r.Action, r.Resource ?? "*", r.Decision, [.. r.MissingContextValues],
            r.IsAllowed ? null : r.Decision == "explicitDeny" ? "explicitly denied by a policy" : "no policy of the role allows it"))];
    }
}
