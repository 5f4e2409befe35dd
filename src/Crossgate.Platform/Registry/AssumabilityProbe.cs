using System.Diagnostics;
using Crossgate.Platform.Aws;

namespace Crossgate.Platform.Registry;

/// <summary>Proves a registered role assumable by calling STS <c>AssumeRole</c> with the platform's own
/// credentials; on refusal explains why. The caller's identity is read once, lazily, for the explanations. Given an
/// HTTP client, a bare AccessDenied is traced to its side by asking IAM's policy simulator about the caller's own
/// side first: a Deny or a missing Allow there is the caller's fault; otherwise the target's (skipped quietly, with
/// every likely cause listed, when the caller may not ask).</summary>
public sealed class AssumabilityProbe(AwsTarget target, AwsCredentialSet credentials, HttpClient? http = null)
{
    public const string SessionName = "crossgate-platform-check";

    private readonly RoleAssumer _assumer = new(target, credentials, http);
    private Task<string?>? _callerArn;
    private CallerSideCheck? _callerSide;

    public async Task<ProbeResult> ProbeAsync(RegisteredAccount registration, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var session = await _assumer.AssumeAsync(registration.RoleArn, SessionName, registration.ExternalId, registration.SessionDuration, cancellation).ConfigureAwait(false);
            return ProbeResult.Success(session) with { AssumeRoleTime = Stopwatch.GetElapsedTime(started) };
        }
        catch (AwsCallException ex)
        {
            // Timed before the failure is explained: that asks other questions.
            var took = Stopwatch.GetElapsedTime(started);
            return await FailureAsync(ex.Code, ex.AwsMessage, registration, cancellation).ConfigureAwait(false) with { AssumeRoleTime = took };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            var where = target.EndpointUrl?.ToString() ?? $"STS in {target.Region}";
            return new ProbeResult(false, null, AssumeFailureKind.Unreachable, $"Could not reach {where}: {ex.Message}", null, ex.Message);
        }
    }

    private async Task<ProbeResult> FailureAsync(string code, string message, RegisteredAccount registration, CancellationToken cancellation)
    {
        var caller = await CallerArnAsync(cancellation).ConfigureAwait(false);
        var callerSide = CallerSideAnswer.Unknown;
        if (code == "AccessDenied" && http is not null && !message.Contains("may not be assumed by root", StringComparison.OrdinalIgnoreCase))
        {
            _callerSide ??= new CallerSideCheck(http, target, credentials);
            callerSide = await _callerSide.AskAsync(caller, registration.RoleArn, cancellation).ConfigureAwait(false);
        }

        var (kind, reason) = AssumeFailureExplainer.Explain(code, message, registration, caller, callerSide);
        return new ProbeResult(false, null, kind, reason, code, message);
    }

    private Task<string?> CallerArnAsync(CancellationToken cancellation) =>
        LazyInitializer.EnsureInitialized(ref _callerArn, () => CallerIdentityReader.TryReadArnAsync(target, credentials, cancellation, http));
}
