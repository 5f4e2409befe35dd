using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> PolicyActions() =>
    [
        ("CreatePolicy", Handler(CreatePolicyAsync)),
        ("GetPolicy", Handler(GetPolicyAsync)),
        ("ListPolicies", Handler(ListPoliciesAsync)),
        ("DeletePolicy", Handler(DeletePolicyAsync)),
        ("CreatePolicyVersion", Handler(CreatePolicyVersionAsync)),
        ("GetPolicyVersion", Handler(GetPolicyVersionAsync)),
        ("ListPolicyVersions", Handler(ListPolicyVersionsAsync)),
        ("DeletePolicyVersion", Handler(DeletePolicyVersionAsync)),
        ("SetDefaultPolicyVersion", Handler(SetDefaultPolicyVersionAsync)),
    ];

    private async Task<QueryResponse> CreatePolicyAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (name, document) = (p.Get("PolicyName"), p.Get("PolicyDocument"));
        if (Missing(("policyName", name), ("policyDocument", document)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        var path = p.Get("Path") ?? "/";
        if (await DeniedAsync(request, "iam:CreatePolicy", IamArns.Policy(account, path, name!), ct, TagsOf(p)) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreatePolicyAsync(account, name!, document!, path, p.Get("Description"), TagsOf(p), cancellationToken: ct);
        return created.Success ? QueryResponse.Ok(w => w.Struct("Policy", x => IamXml.Policy(x, created.Value!, 0, 0))) : Fail(created.Error);
    }

    private async Task<QueryResponse> GetPolicyAsync(QueryRequest request, CancellationToken ct)
    {
        var arn = request.Parameters.Get("PolicyArn");
        if (Missing(("policyArn", arn)) is { } missing)
        {
            return missing;
        }

        if (await DeniedAsync(request, "iam:GetPolicy", arn!, ct) is { } denied)
        {
            return denied;
        }

        var found = await services.Iam.FindPolicyAsync(arn!, ct);
        if (found is null)
        {
            return Fail(IamMessages.NoSuchPolicy(arn!));
        }

        var usage = (await PolicyUsageAsync(AccountOf(request), ct)).GetValueOrDefault(arn!);
        return QueryResponse.Ok(w => w.Struct("Policy", x => IamXml.Policy(x, found.Value, usage.Attachments, usage.Boundaries)));
    }

    /// <summary>Customer managed policies of the account and AWS managed ones, filtered by <c>Scope</c>,
    /// <c>OnlyAttached</c>, <c>PathPrefix</c> and <c>PolicyUsageFilter</c>.</summary>
    private async Task<QueryResponse> ListPoliciesAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var scope = p.Get("Scope") ?? "All";
        var usageFilter = p.Get("PolicyUsageFilter");
        var validation = new Validation.ParameterValidation();
        if (scope is not ("All" or "AWS" or "Local"))
        {
            validation.Fail("scope", scope, "Member must satisfy enum value set: [All, AWS, Local]");
        }

        if (usageFilter is not (null or "PermissionsPolicy" or "PermissionsBoundary"))
        {
            validation.Fail("policyUsageFilter", usageFilter, "Member must satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]");
        }

        if (!p.TryGetBool("OnlyAttached", out var onlyAttached))
        {
            validation.Fail("onlyAttached", p.Get("OnlyAttached")!, "Member must be a boolean");
        }

        if (validation.Message is { } invalid)
        {
            return QueryErrors.ValidationError(invalid);
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListPolicies", IamArns.Policy(account, "/", string.Empty), ct) is { } denied)
        {
            return denied;
        }

        var usage = await PolicyUsageAsync(account, ct);
        var policies = new List<ManagedPolicy>();
        if (scope != "AWS")
        {
            policies.AddRange((await services.Store.ListAllAsync(EntityKinds.ManagedPolicies, account, ct)).Select(v => v.Value));
        }

        if (scope != "Local")
        {
            policies.AddRange(AwsManagedPolicies.All.OrderBy(x => x.PolicyName, StringComparer.Ordinal));
        }

        var prefix = p.Get("PathPrefix");
        var selected = policies.Where(x =>
        {
            var (attachments, boundaries) = usage.GetValueOrDefault(x.Arn);
            return (prefix is null || x.Path.StartsWith(prefix, StringComparison.Ordinal))
                && (onlyAttached != true || attachments + boundaries > 0)
                && usageFilter switch
                {
                    "PermissionsPolicy" => onlyAttached != true || attachments > 0,
                    "PermissionsBoundary" => onlyAttached != true || boundaries > 0,
                    _ => true,
                };
        }).ToList();
        if (PageOf(selected, p, out var page, out var next) is { } badPage)
        {
            return badPage;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Policies", page, (m, x) =>
            {
                var (attachments, boundaries) = usage.GetValueOrDefault(x.Arn);
                IamXml.Policy(m, x, attachments, boundaries, withTags: false);
            });
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> DeletePolicyAsync(QueryRequest request, CancellationToken ct)
    {
        var arn = request.Parameters.Get("PolicyArn");
        if (Missing(("policyArn", arn)) is { } missing)
        {
            return missing;
        }

        if (await DeniedAsync(request, "iam:DeletePolicy", arn!, ct) is { } denied)
        {
            return denied;
        }

        var deleted = await services.Iam.DeletePolicyAsync(arn!, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }

    private async Task<QueryResponse> CreatePolicyVersionAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (arn, document) = (p.Get("PolicyArn"), p.Get("PolicyDocument"));
        if (Missing(("policyArn", arn), ("policyDocument", document)) is { } missing)
        {
            return missing;
        }

        if (!p.TryGetBool("SetAsDefault", out var setAsDefault))
        {
            return QueryErrors.ValidationError($"1 validation error detected: Value '{p.Get("SetAsDefault")}' at 'setAsDefault' failed to satisfy constraint: Member must be a boolean");
        }

        if (await DeniedAsync(request, "iam:CreatePolicyVersion", arn!, ct) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreatePolicyVersionAsync(arn!, document!, setAsDefault ?? false, cancellationToken: ct);
        return created.Success
            ? QueryResponse.Ok(w => w.Struct("PolicyVersion", v => IamXml.PolicyVersion(v, created.Value!, withDocument: false)))
            : Fail(created.Error);
    }

    private async Task<QueryResponse> GetPolicyVersionAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (arn, versionId) = (p.Get("PolicyArn"), p.Get("VersionId"));
        if (Missing(("policyArn", arn), ("versionId", versionId)) is { } missing)
        {
            return missing;
        }

        if (await DeniedAsync(request, "iam:GetPolicyVersion", arn!, ct) is { } denied)
        {
            return denied;
        }

        var policy = await services.Iam.FindPolicyAsync(arn!, ct);
        var version = policy?.Value.Versions.FirstOrDefault(v => v.VersionId == versionId);
        if (version is null)
        {
            return Fail(IamError.NoSuchEntity($"Policy {arn} version {versionId} does not exist or is not attachable."));
        }

        return QueryResponse.Ok(w => w.Struct("PolicyVersion", v => IamXml.PolicyVersion(v, version)));
    }

    private async Task<QueryResponse> ListPolicyVersionsAsync(QueryRequest request, CancellationToken ct)
    {
        var arn = request.Parameters.Get("PolicyArn");
        if (Missing(("policyArn", arn)) is { } missing)
        {
            return missing;
        }

        if (await DeniedAsync(request, "iam:ListPolicyVersions", arn!, ct) is { } denied)
        {
            return denied;
        }

        var policy = await services.Iam.FindPolicyAsync(arn!, ct);
        if (policy is null)
        {
            return Fail(IamMessages.NoSuchPolicy(arn!));
        }

        // Newest first, as IAM lists them.
        var versions = policy.Value.Versions.OrderByDescending(v => v.CreateDate).ThenByDescending(v => v.VersionId, StringComparer.Ordinal).ToList();
        if (PageOf(versions, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Versions", page, (m, v) => IamXml.PolicyVersion(m, v, withDocument: false));
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> DeletePolicyVersionAsync(QueryRequest request, CancellationToken ct) =>
        await PolicyVersionChangeAsync(request, "DeletePolicyVersion", (arn, id) => services.Iam.DeletePolicyVersionAsync(arn, id, cancellationToken: ct), ct);

    private async Task<QueryResponse> SetDefaultPolicyVersionAsync(QueryRequest request, CancellationToken ct) =>
        await PolicyVersionChangeAsync(request, "SetDefaultPolicyVersion", (arn, id) => services.Iam.SetDefaultPolicyVersionAsync(arn, id, cancellationToken: ct), ct);

    private async Task<QueryResponse> PolicyVersionChangeAsync(
        QueryRequest request, string action, Func<string, string, Task<DirectoryResult<ManagedPolicy>>> change, CancellationToken ct)
    {
        var p = request.Parameters;
        var (arn, versionId) = (p.Get("PolicyArn"), p.Get("VersionId"));
        if (Missing(("policyArn", arn), ("versionId", versionId)) is { } missing)
        {
            return missing;
        }

        if (await DeniedAsync(request, "iam:" + action, arn!, ct) is { } denied)
        {
            return denied;
        }

        var result = await change(arn!, versionId!);
        return result.Success ? QueryResponse.Empty() : Fail(result.Error);
    }

    /// <summary>Per policy ARN, how many users, groups and roles of the account attach it or use it as a boundary.</summary>
    private async Task<Dictionary<string, (int Attachments, int Boundaries)>> PolicyUsageAsync(string account, CancellationToken ct)
    {
        var usage = new Dictionary<string, (int Attachments, int Boundaries)>(StringComparer.Ordinal);
        void Count(IEnumerable<AttachedPolicy> attached, string? boundary)
        {
            foreach (var a in attached)
            {
                var u = usage.GetValueOrDefault(a.PolicyArn);
                usage[a.PolicyArn] = (u.Attachments + 1, u.Boundaries);
            }

            if (boundary is not null)
            {
                var u = usage.GetValueOrDefault(boundary);
                usage[boundary] = (u.Attachments, u.Boundaries + 1);
            }
        }

        foreach (var user in await services.Store.ListAllAsync(EntityKinds.Users, account, ct))
        {
            Count(user.Value.AttachedPolicies, user.Value.PermissionsBoundaryArn);
        }

        foreach (var group in await services.Store.ListAllAsync(EntityKinds.Groups, account, ct))
        {
            Count(group.Value.AttachedPolicies, null);
        }

        foreach (var role in await services.Store.ListAllAsync(EntityKinds.Roles, account, ct))
        {
            Count(role.Value.AttachedPolicies, role.Value.PermissionsBoundaryArn);
        }

        return usage;
    }
}
