using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Policies;

namespace Crossgate.Platform.Registry;

/// <summary>Asks IAM's policy simulator, with the platform's own credentials, whether the caller's own side allows
/// <c>sts:AssumeRole</c> on a role. The question carries a resource policy that trusts the caller's account, as a
/// trust policy delegating to IAM would: so the answer is the caller's side alone, whatever the endpoint makes of
/// a cross-account role without one.</summary>
public sealed class CallerSideCheck(HttpClient http, AwsTarget target, AwsCredentialSet credentials)
{
    private readonly ServiceControlPolicyFinder _organization = ServiceControlPolicyFinder.Create(http, target, credentials);

    public async Task<CallerSideAnswer> AskAsync(string? callerArn, string roleArn, CancellationToken cancellation)
    {
        var (account, callerRole) = AssumeFailureExplainer.CallerParts(callerArn);
        var source = callerRole ?? (callerArn is not null && callerArn.Contains(":user/", StringComparison.Ordinal) ? callerArn : null);
        if (account is null || source is null)
        {
            return CallerSideAnswer.Unknown;
        }

        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:root"},"Action":"sts:AssumeRole","Resource":"{{roleArn}}"}]}""";
        IReadOnlyList<SimulationResult> results;
        try
        {
            results = await IamClient.Create(http, target, credentials)
                .SimulatePrincipalPolicyAsync(source, ["sts:AssumeRole"], [roleArn], [], cancellation, resourcePolicy: trust).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsCallException or HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return CallerSideAnswer.Unknown;
        }

        if (results.Count == 0)
        {
            return CallerSideAnswer.Unknown;
        }

        var result = results[0];
        if (result.IsAllowed)
        {
            return new CallerSideAnswer(CallerSide.Allows);
        }

        var side = result.Decision == "explicitDeny" ? CallerSide.ExplicitDeny : CallerSide.NoAllow;
        if (result.AllowedByOrganizations == false)
        {
            var named = await _organization.FindDenyingAsync(account, "sts:AssumeRole", roleArn, cancellation).ConfigureAwait(false);
            return new CallerSideAnswer(named is null ? side : CallerSide.ExplicitDeny,
                named is null ? "the service control policies over its account" : $"the service control policy {named.PolicyName} ({named.PolicyArn})");
        }

        if (result.AllowedByPermissionsBoundary == false)
        {
            return new CallerSideAnswer(side, "its permissions boundary");
        }

        if (side == CallerSide.ExplicitDeny)
        {
            var policy = result.MatchedStatementIds.FirstOrDefault(id => !string.IsNullOrEmpty(id) && id != "ResourcePolicy");
            var statement = await DenyingStatementAsync(source, policy, roleArn, cancellation).ConfigureAwait(false);
            return new CallerSideAnswer(side, (policy, statement) switch
            {
                (_, { } s) => $"{s.Text} of its policy {s.Policy}",
                ({ } p, null) => $"its policy {p}",
                (null, null) => "one of its policies",
            });
        }

        return new CallerSideAnswer(side, "its identity-based policies");
    }

    /// <summary>The caller's own Deny statement for <c>sts:AssumeRole</c> on the role, read from its policies (it
    /// needs to read them: the self-check statement of <c>crossgate template caller --caller-arn</c>); null when they
    /// cannot be read or none matches.</summary>
    private async Task<(string Text, string Policy)?> DenyingStatementAsync(string callerArn, string? policyName, string roleArn, CancellationToken cancellation)
    {
        // The caller is an IAM user or role here (AskAsync turned a role session into its role); its name ends the ARN.
        var name = callerArn[(callerArn.LastIndexOf('/') + 1)..];
        var isRole = callerArn.Contains(":role/", StringComparison.Ordinal);

        IReadOnlyList<(string Name, string Document)> documents;
        try
        {
            var iam = IamClient.Create(http, target, credentials);
            documents = isRole
                ? await iam.GetRolePolicyDocumentsAsync(name, cancellation).ConfigureAwait(false)
                : await iam.GetUserPolicyDocumentsAsync(name, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsCallException or HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return null;
        }

        // The policy the simulator named first, then the others (a group's policy is not among them).
        foreach (var (documentName, document) in documents.OrderBy(d => d.Name == policyName ? 0 : 1))
        {
            var parsed = PolicyParser.Parse(document, PolicyKind.Identity);
            if (parsed.Success && DenyingStatement.Find(parsed.Document!, "sts:AssumeRole", roleArn) is { } statement)
            {
                return (DenyingStatement.Describe(statement), documentName);
            }
        }

        return null;
    }
}
