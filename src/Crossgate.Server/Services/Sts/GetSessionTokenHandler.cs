using Crossgate.Authorization;
using Crossgate.Directory.Model;
using Crossgate.Policies.Evaluation;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS <c>GetSessionToken</c>: temporary credentials with the caller's own permissions, for IAM users and
/// root (not for sessions), optionally MFA-authenticated. Durations 900–129,600 seconds, 43,200 by default; root
/// sessions at most and by default 3,600 (reference §3.3). No permission is needed to call it.</summary>
public sealed class GetSessionTokenHandler(CrossgateServices services)
{
    public const int UserDefault = 43200;
    public const int Maximum = 129600;
    public const int RootLimit = 3600;

    public async ValueTask<QueryResponse> HandleAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters;
        var serialNumber = p.Get("SerialNumber");
        var tokenCode = p.Get("TokenCode");
        if (!p.TryGetInt("DurationSeconds", out var duration))
        {
            return StsErrors.Validation($"1 validation error detected: Value '{p.Get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must be a number");
        }

        var validation = new ParameterValidation()
            .Range("durationSeconds", duration, RoleSessionDuration.Minimum, Maximum)
            .Length("serialNumber", serialNumber, 9, 256).Pattern("serialNumber", serialNumber, StsPatterns.SerialNumber(), StsPatterns.SerialNumberText)
            .Length("tokenCode", tokenCode, 6, 6).Pattern("tokenCode", tokenCode, StsPatterns.TokenCode(), StsPatterns.TokenCodeText);
        if (validation.Message is { } invalid)
        {
            return StsErrors.Validation(invalid);
        }

        if ((serialNumber is null) != (tokenCode is null))
        {
            return QueryErrors.MissingParameter(serialNumber is null ? "SerialNumber" : "TokenCode");
        }

        var caller = RequestGuard.CallerOf(request.Context);
        var principal = caller.Principal;
        if (principal.UsesTemporaryCredentials)
        {
            return StsErrors.SessionTokenFromSession();
        }

        var now = services.Time.GetUtcNow();
        if (serialNumber is not null
            && await MfaCheck.VerifyAsync(services.Store, caller, serialNumber, tokenCode!, now, cancellationToken).ConfigureAwait(false) is { } mfaError)
        {
            return mfaError;
        }

        var isRoot = principal.Kind == PrincipalKind.Root;
        var seconds = duration ?? (isRoot ? RootLimit : UserDefault);
        if (isRoot)
        {
            seconds = Math.Min(seconds, RootLimit); // AWS shortens a root request silently rather than refusing it.
        }

        var session = TemporaryCredentials.Issue(principal.AccountId, now, seconds, StsSessionKind.SessionToken) with
        {
            UserArn = principal.Arn,
            SourceArn = principal.Arn,
            MfaAuthenticated = serialNumber is not null,
            MfaAuthTime = serialNumber is not null ? now : null,
        };
        session = TemporaryCredentials.Sealed(session, services.SessionTokens);

        return QueryResponse.Ok(result => TemporaryCredentials.Write(result, session));
    }
}
