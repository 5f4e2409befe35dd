using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;

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
            return new CallerSideAnswer(side, policy is null ? "one of its policies" : $"its policy {policy}");
        }

        return new CallerSideAnswer(side, "its identity-based policies");
    }
}
