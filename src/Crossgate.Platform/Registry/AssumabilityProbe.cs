using Crossgate.Platform.Aws;

namespace Crossgate.Platform.Registry;

/// <summary>Proves a registered role assumable by calling STS <c>AssumeRole</c> with the platform's own
/// credentials; on refusal explains why. The caller's identity is read once, lazily, for the explanations. Given an
/// HTTP client, a bare AccessDenied is narrowed by asking IAM's policy simulator whether the caller's own policies
/// allow <c>sts:AssumeRole</c> on the role (skipped quietly when the caller may not ask).</summary>
public sealed class AssumabilityProbe(AwsTarget target, AwsCredentialSet credentials, HttpClient? http = null)
{
    public const string SessionName = "crossgate-platform-check";

    private readonly RoleAssumer _assumer = new(target, credentials);
    private Task<string?>? _callerArn;

    public async Task<ProbeResult> ProbeAsync(RegisteredAccount registration, CancellationToken cancellation)
    {
        try
        {
            var session = await _assumer.AssumeAsync(registration.RoleArn, SessionName, registration.ExternalId, registration.SessionDuration, cancellation).ConfigureAwait(false);
            return ProbeResult.Success(session);
        }
        catch (AwsCallException ex)
        {
            return await FailureAsync(ex.Code, ex.AwsMessage, registration, cancellation).ConfigureAwait(false);
        }
        catch (Amazon.Runtime.AmazonServiceException ex)
        {
            return await FailureAsync(ex.ErrorCode ?? "UnknownError", ex.Message, registration, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Amazon.Runtime.AmazonClientException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            var where = target.EndpointUrl?.ToString() ?? $"STS in {target.Region}";
            return new ProbeResult(false, null, AssumeFailureKind.Unreachable, $"Could not reach {where}: {ex.Message}", null, ex.Message);
        }
    }

    private async Task<ProbeResult> FailureAsync(string code, string message, RegisteredAccount registration, CancellationToken cancellation)
    {
        var caller = await CallerArnAsync(cancellation).ConfigureAwait(false);
        bool? callerMayAssume = null;
        if (code == "AccessDenied" && !message.Contains("policy", StringComparison.OrdinalIgnoreCase))
        {
            callerMayAssume = await CallerMayAssumeAsync(caller, registration.RoleArn, cancellation).ConfigureAwait(false);
        }

        var (kind, reason) = AssumeFailureExplainer.Explain(code, message, registration, caller, callerMayAssume);
        return new ProbeResult(false, null, kind, reason, code, message);
    }

    /// <summary>The simulator's view of the caller's own policies; null when it cannot be asked (no client, a root
    /// or unknown caller, or the caller lacks iam:SimulatePrincipalPolicy).</summary>
    private async Task<bool?> CallerMayAssumeAsync(string? callerArn, string roleArn, CancellationToken cancellation)
    {
        var (account, callerRole) = AssumeFailureExplainer.CallerParts(callerArn);
        var source = callerRole ?? (callerArn is not null && callerArn.Contains(":user/", StringComparison.Ordinal) ? callerArn : null);
        if (http is null || account is null || source is null)
        {
            return null;
        }

        try
        {
            var results = await IamClient.Create(http, target, credentials)
                .SimulatePrincipalPolicyAsync(source, ["sts:AssumeRole"], [roleArn], [], cancellation).ConfigureAwait(false);
            return results.Count == 0 ? null : results.All(r => r.IsAllowed);
        }
        catch (Exception ex) when (ex is AwsCallException or HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    private Task<string?> CallerArnAsync(CancellationToken cancellation) =>
        LazyInitializer.EnsureInitialized(ref _callerArn, () => CallerIdentityReader.TryReadArnAsync(target, credentials, cancellation));
}
