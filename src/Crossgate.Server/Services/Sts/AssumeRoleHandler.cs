using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Parsing;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS <c>AssumeRole</c>: validates every parameter, lets the engine decide with the role's trust policy
/// (plus <c>sts:TagSession</c> / <c>sts:SetSourceIdentity</c> when tags or a source identity are passed), then
/// issues a role session sealed in its token (nothing is written; the audit trail records the call).</summary>
public sealed class AssumeRoleHandler(CrossgateServices services)
{
    public const int MaxPolicyArns = 10;

    public async ValueTask<QueryResponse> HandleAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters;
        var validation = new ParameterValidation();
        var roleArn = p.Get("RoleArn");
        var sessionName = p.Get("RoleSessionName");
        var externalId = p.Get("ExternalId");
        var serialNumber = p.Get("SerialNumber");
        var tokenCode = p.Get("TokenCode");
        var policy = p.Get("Policy");
        var sourceIdentity = p.Get("SourceIdentity");
        if (!p.TryGetInt("DurationSeconds", out var duration))
        {
            return StsErrors.Validation($"1 validation error detected: Value '{p.Get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must be a number");
        }

        validation.Required("roleArn", roleArn).Length("roleArn", roleArn, 20, 2048)
            .Required("roleSessionName", sessionName).Length("roleSessionName", sessionName, 2, 64)
            .Pattern("roleSessionName", sessionName, StsPatterns.Name(), StsPatterns.NameText)
            .Range("durationSeconds", duration, RoleSessionDuration.Minimum, RoleSessionDuration.RoleMaximumHighest)
            .Length("externalId", externalId, 2, 1224).Pattern("externalId", externalId, StsPatterns.ExternalId(), StsPatterns.ExternalIdText)
            .Length("serialNumber", serialNumber, 9, 256).Pattern("serialNumber", serialNumber, StsPatterns.SerialNumber(), StsPatterns.SerialNumberText)
            .Length("tokenCode", tokenCode, 6, 6).Pattern("tokenCode", tokenCode, StsPatterns.TokenCode(), StsPatterns.TokenCodeText)
            .Length("policy", policy, 1, int.MaxValue).Pattern("policy", policy, StsPatterns.Policy(), StsPatterns.PolicyText)
            .Length("sourceIdentity", sourceIdentity, 2, 64).Pattern("sourceIdentity", sourceIdentity, StsPatterns.Name(), StsPatterns.NameText);
        var policyArns = p.StructList("PolicyArns").Select(a => a.Get("arn") ?? string.Empty).ToList();
        if (policyArns.Count > MaxPolicyArns)
        {
            validation.Fail("policyArns", "[" + string.Join(", ", policyArns) + "]", $"Member must have length less than or equal to {MaxPolicyArns}");
        }

        for (var i = 0; i < policyArns.Count; i++)
        {
            validation.Length($"policyArns.{i + 1}.member.arn", policyArns[i], 20, 2048);
        }

        var tags = SessionTagParameters.Read(p, validation);
        if (validation.Message is { } invalid)
        {
            return StsErrors.Validation(invalid);
        }

        if (tags.CheckConsistency() is { } tagError)
        {
            return tagError;
        }

        if (sourceIdentity is not null && sourceIdentity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            return StsErrors.InvalidParameterValue("SourceIdentity cannot start with the reserved prefix 'aws:'.");
        }

        if ((serialNumber is null) != (tokenCode is null))
        {
            return QueryErrors.MissingParameter(serialNumber is null ? "SerialNumber" : "TokenCode");
        }

        var caller = RequestGuard.CallerOf(request.Context);
        var now = services.Time.GetUtcNow();
        var keys = new ContextKeys();
        var mfa = false;
        if (serialNumber is not null)
        {
            if (await MfaCheck.VerifyAsync(services.Store, caller, serialNumber, tokenCode!, now, cancellationToken).ConfigureAwait(false) is { } mfaError)
            {
                return mfaError;
            }

            MfaCheck.MarkPresent(keys);
            mfa = true;
        }

        // The calling session, when chaining: its transitive tags and source identity carry on.
        var callerSession = caller.Principal.UsesTemporaryCredentials ? (request.Context.Caller as DirectoryCredential)?.Session : null;
        if (callerSession?.SourceIdentity is { } inheritedIdentity)
        {
            if (sourceIdentity is not null && !string.Equals(sourceIdentity, inheritedIdentity, StringComparison.Ordinal))
            {
                return StsErrors.InvalidParameterValue("The source identity can't be changed once it is set in a role session.");
            }

            sourceIdentity = inheritedIdentity;
        }

        var merged = tags.MergeInherited(callerSession);
        if (merged.Error is { } mergeError)
        {
            return mergeError;
        }

        if (sourceIdentity is not null)
        {
            keys.Set("sts:SourceIdentity", sourceIdentity);
        }

        if (merged.Transitive.Count > 0)
        {
            keys.SetMulti("sts:TransitiveTagKeys", [.. merged.Transitive]);
        }

        var requestTags = tags.AsRequestTags();
        var (_, denied) = await services.Guard.CheckAsync(request.Context, StsActions.AssumeRole, roleArn!, context: keys,
            externalId: externalId, roleSessionName: sessionName, requestTags: requestTags, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (tags.Tags.Count > 0)
        {
            var (_, tagDenied) = await services.Guard.CheckAsync(request.Context, "sts:TagSession", roleArn!, context: keys,
                externalId: externalId, roleSessionName: sessionName, requestTags: requestTags, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (tagDenied is not null)
            {
                return tagDenied;
            }
        }

        // Also when inherited: every role down a chain that carries a source identity must allow setting it.
        if (sourceIdentity is not null)
        {
            var (_, identityDenied) = await services.Guard.CheckAsync(request.Context, "sts:SetSourceIdentity", roleArn!, context: keys,
                externalId: externalId, roleSessionName: sessionName, requestTags: requestTags, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (identityDenied is not null)
            {
                return identityDenied;
            }
        }

        // The trust policy allowed the call, so the role exists; a race with DeleteRole answers like a missing role.
        var role = IamArns.TryParseIam(roleArn!, out var parts) && parts.Type == "role"
            ? await services.View.GetRoleAsync(parts.Account, parts.Name, cancellationToken).ConfigureAwait(false)
            : null;
        if (role is null)
        {
            return StsErrors.AccessDenied($"User: {caller.Principal.Arn} is not authorized to perform: {StsActions.AssumeRole} on resource: {roleArn}");
        }

        var chaining = caller.Principal.UsesTemporaryCredentials;
        var (seconds, durationError) = RoleSessionDuration.Resolve(duration, role.Value.MaxSessionDuration, chaining);
        if (durationError is not null)
        {
            return StsErrors.Validation(durationError);
        }

        if (await CheckSessionPoliciesAsync(policy, policyArns, cancellationToken).ConfigureAwait(false) is { } policyError)
        {
            return policyError;
        }

        var packedPercent = PackedPolicy.PercentOf(policy, policyArns, merged.Tags);
        if (packedPercent > 100)
        {
            return StsErrors.PackedPolicyTooLarge(packedPercent);
        }

        var session = TemporaryCredentials.Issue(role.Value.AccountId, now, seconds, StsSessionKind.AssumedRole) with
        {
            RoleArn = role.Value.Arn,
            RoleId = role.Value.RoleId,
            SessionName = sessionName,
            SourceArn = caller.Principal.Arn,
            SessionPolicy = policy,
            SessionPolicyArns = policyArns,
            SessionTags = merged.Tags,
            TransitiveTagKeys = merged.Transitive,
            SourceIdentity = sourceIdentity,
            MfaAuthenticated = mfa || (callerSession?.MfaAuthenticated ?? false),
            MfaAuthTime = mfa ? now : callerSession?.MfaAuthTime,
            Chained = chaining,
        };
        session = TemporaryCredentials.Sealed(session, services.SessionTokens);
        var reportPacked = policy is not null || policyArns.Count > 0 || merged.Tags.Count > 0;
        return QueryResponse.Ok(result =>
        {
            TemporaryCredentials.Write(result, session);
            result.Struct("AssumedRoleUser", u => u
                .Element("AssumedRoleId", $"{role.Value.RoleId}:{sessionName}")
                .Element("Arn", IamArns.AssumedRole(role.Value.AccountId, role.Value.RoleName, sessionName!)));
            result.Element("PackedPolicySize", reportPacked ? packedPercent : null);
            result.Element("SourceIdentity", sourceIdentity);
        });
    }

    /// <summary>The inline session policy must parse as a session policy; managed ones must exist.</summary>
    private async Task<AwsError?> CheckSessionPoliciesAsync(string? policy, IReadOnlyList<string> policyArns, CancellationToken cancellationToken)
    {
        if (policy is not null)
        {
            var parsed = PolicyParser.Parse(policy, new PolicyParseOptions(PolicyKind.Session));
            if (!parsed.Success)
            {
                return StsErrors.MalformedPolicyDocument(parsed.Errors[0].Message);
            }
        }

        foreach (var arn in policyArns)
        {
            if (await services.Iam.FindPolicyAsync(arn, cancellationToken).ConfigureAwait(false) is null)
            {
                return StsErrors.InvalidParameterValue($"Policy {arn} does not exist or is not attachable.");
            }
        }

        return null;
    }
}
