using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> AccessKeyActions() =>
    [
        ("CreateAccessKey", Handler(CreateAccessKeyAsync)),
        ("ListAccessKeys", Handler(ListAccessKeysAsync)),
        ("UpdateAccessKey", Handler(UpdateAccessKeyAsync)),
        ("DeleteAccessKey", Handler(DeleteAccessKeyAsync)),
        ("GetAccessKeyLastUsed", Handler(GetAccessKeyLastUsedAsync)),
    ];

    /// <summary>The <c>UserName</c> parameter, or the calling user when it is left out (IAM's implicit user).
    /// Root's own keys are not kept in the directory as a user's, so a root caller must name the user.</summary>
    private static (string? UserName, AwsError? Error) ImplicitUser(QueryRequest request)
    {
        if (request.Parameters.Get("UserName") is { } named)
        {
            return (named, null);
        }

        var principal = RequestGuard.CallerOf(request.Context).Principal;
        return principal.Kind == Crossgate.Policies.Evaluation.PrincipalKind.User && principal.UserName is { } own
            ? (own, null)
            : (null, QueryErrors.ValidationError("Must specify userName when calling with non-User credentials"));
    }

    private async Task<QueryResponse> CreateAccessKeyAsync(QueryRequest request, CancellationToken ct)
    {
        var (name, error) = ImplicitUser(request);
        if (error is not null)
        {
            return error;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:CreateAccessKey", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreateAccessKeyAsync(account, name!, cancellationToken: ct);
        if (!created.Success)
        {
            return Fail(created.Error);
        }

        var key = created.Value!;
        return QueryResponse.Ok(w => w.Struct("AccessKey", k => k
            .Element("UserName", key.UserName)
            .Element("AccessKeyId", key.AccessKeyId)
            .Element("Status", key.Status.ToString())
            .Element("SecretAccessKey", key.SecretAccessKey)
            .Element("CreateDate", key.CreateDate)));
    }

    private async Task<QueryResponse> ListAccessKeysAsync(QueryRequest request, CancellationToken ct)
    {
        var (name, error) = ImplicitUser(request);
        if (error is not null)
        {
            return error;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListAccessKeys", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        if (await services.Store.GetUserAsync(account, name!, ct) is null)
        {
            return Fail(IamMessages.NoSuchUser(name!));
        }

        var (page, badPage) = await ListPageAsync(EntityKinds.AccessKeys, account, request.Parameters, null, EntityKinds.NameKey(name!), ct);
        if (badPage is not null)
        {
            return badPage;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("AccessKeyMetadata", page!.Items, (m, k) => m
                .Element("UserName", k.Value.UserName)
                .Element("AccessKeyId", k.Value.AccessKeyId)
                .Element("Status", k.Value.Status.ToString())
                .Element("CreateDate", k.Value.CreateDate));
            Truncation(w, page.IsTruncated, page.Marker);
        });
    }

    private async Task<QueryResponse> UpdateAccessKeyAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (keyId, statusText) = (p.Get("AccessKeyId"), p.Get("Status"));
        if (Missing(("accessKeyId", keyId), ("status", statusText)) is { } missing)
        {
            return missing;
        }

        if (statusText is not ("Active" or "Inactive"))
        {
            return QueryErrors.ValidationError(
                $"1 validation error detected: Value '{statusText}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        }

        var (name, error) = ImplicitUser(request);
        if (error is not null)
        {
            return error;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:UpdateAccessKey", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var status = statusText == "Active" ? AccessKeyStatus.Active : AccessKeyStatus.Inactive;
        var updated = await services.Iam.UpdateAccessKeyAsync(account, name!, keyId!, status, cancellationToken: ct);
        return updated.Success ? QueryResponse.Empty() : Fail(updated.Error);
    }

    private async Task<QueryResponse> DeleteAccessKeyAsync(QueryRequest request, CancellationToken ct)
    {
        var keyId = request.Parameters.Get("AccessKeyId");
        if (Missing(("accessKeyId", keyId)) is { } missing)
        {
            return missing;
        }

        var (name, error) = ImplicitUser(request);
        if (error is not null)
        {
            return error;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:DeleteAccessKey", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var deleted = await services.Iam.DeleteAccessKeyAsync(account, name!, keyId!, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }

    /// <summary>When, where and with which service a key was last used (<see cref="LastUsedRecorder"/> fills it);
    /// <c>N/A</c> for a key never used, as AWS answers. The key's owner is the resource, so another account's key is
    /// refused as any cross-account IAM call is.</summary>
    private async Task<QueryResponse> GetAccessKeyLastUsedAsync(QueryRequest request, CancellationToken ct)
    {
        var keyId = request.Parameters.Get("AccessKeyId");
        if (Missing(("accessKeyId", keyId)) is { } missing)
        {
            return missing;
        }

        var found = await services.Store.FindAccessKeyAsync(keyId!, ct);
        var key = found?.Value;
        var isRoot = key is not null && RootAccessKeys.IsRootKey(key);
        var owner = key is null ? IamArns.Root(AccountOf(request))
            : isRoot ? IamArns.Root(key.AccountId)
            : await UserArnAsync(key.AccountId, key.UserName, ct);
        if (await DeniedAsync(request, "iam:GetAccessKeyLastUsed", owner, ct) is { } denied)
        {
            return denied;
        }

        if (key is null || key.AccountId != AccountOf(request))
        {
            return Fail(IamMessages.NoSuchAccessKey(keyId!));
        }

        return QueryResponse.Ok(w =>
        {
            if (!isRoot)
            {
                w.Element("UserName", key.UserName);
            }

            w.Struct("AccessKeyLastUsed", last => last
                .Element("LastUsedDate", key.LastUsedDate)
                .Element("ServiceName", key.LastUsedServiceName ?? NotApplicable)
                .Element("Region", key.LastUsedRegion ?? NotApplicable));
        });
    }

    private const string NotApplicable = "N/A";
}
