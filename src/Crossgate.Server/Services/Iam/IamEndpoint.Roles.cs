using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> RoleActions() =>
    [
        ("CreateRole", Handler(CreateRoleAsync)),
        ("GetRole", Handler(GetRoleAsync)),
        ("ListRoles", Handler(ListRolesAsync)),
        ("UpdateRole", Handler(UpdateRoleAsync)),
        ("DeleteRole", Handler(DeleteRoleAsync)),
        ("UpdateAssumeRolePolicy", Handler(UpdateAssumeRolePolicyAsync)),
    ];

    private async Task<QueryResponse> CreateRoleAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (name, trust) = (p.Get("RoleName"), p.Get("AssumeRolePolicyDocument"));
        if (Missing(("roleName", name), ("assumeRolePolicyDocument", trust)) is { } missing)
        {
            return missing;
        }

        if (!p.TryGetInt("MaxSessionDuration", out var duration))
        {
            return QueryErrors.ValidationError($"1 validation error detected: Value '{p.Get("MaxSessionDuration")}' at 'maxSessionDuration' failed to satisfy constraint: Member must be an integer");
        }

        var account = AccountOf(request);
        var path = p.Get("Path") ?? "/";
        if (await DeniedAsync(request, "iam:CreateRole", IamArns.Role(account, path, name!), ct, TagsOf(p)) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreateRoleAsync(account, name!, trust!, path, p.Get("Description"), duration ?? IamRole.MinSessionDuration,
            p.Get("PermissionsBoundary"), TagsOf(p), cancellationToken: ct);
        return created.Success ? QueryResponse.Ok(w => w.Struct("Role", r => IamXml.Role(r, created.Value!, withLastUsed: false))) : Fail(created.Error);
    }

    private async Task<QueryResponse> GetRoleAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("RoleName");
        if ((Missing(("roleName", name)) ?? InvalidName("roleName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:GetRole", await RoleArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var found = await services.Iam.GetRoleAsync(account, name!, ct);
        return found.Success ? QueryResponse.Ok(w => w.Struct("Role", r => IamXml.Role(r, found.Value!))) : Fail(found.Error);
    }

    private async Task<QueryResponse> ListRolesAsync(QueryRequest request, CancellationToken ct)
    {
        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListRoles", IamArns.Role(account, "/", string.Empty), ct) is { } denied)
        {
            return denied;
        }

        var (page, error) = await ListPageAsync(EntityKinds.Roles, account, request.Parameters, request.Parameters.Get("PathPrefix"), null, ct);
        if (error is not null)
        {
            return error;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Roles", page!.Items, (m, r) => IamXml.Role(m, r.Value, listing: true));
            Truncation(w, page.IsTruncated, page.Marker);
        });
    }

    private async Task<QueryResponse> UpdateRoleAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var name = p.Get("RoleName");
        if ((Missing(("roleName", name)) ?? InvalidName("roleName", name, 64)) is { } missing)
        {
            return missing;
        }

        if (!p.TryGetInt("MaxSessionDuration", out var duration))
        {
            return QueryErrors.ValidationError($"1 validation error detected: Value '{p.Get("MaxSessionDuration")}' at 'maxSessionDuration' failed to satisfy constraint: Member must be an integer");
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:UpdateRole", await RoleArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var updated = await services.Iam.UpdateRoleAsync(account, name!, p.Get("Description"), duration, cancellationToken: ct);
        return updated.Success ? QueryResponse.Ok(_ => { }) : Fail(updated.Error);
    }

    private async Task<QueryResponse> DeleteRoleAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("RoleName");
        if ((Missing(("roleName", name)) ?? InvalidName("roleName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:DeleteRole", await RoleArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var deleted = await services.Iam.DeleteRoleAsync(account, name!, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }

    private async Task<QueryResponse> UpdateAssumeRolePolicyAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (name, document) = (p.Get("RoleName"), p.Get("PolicyDocument"));
        if (Missing(("roleName", name), ("policyDocument", document)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:UpdateAssumeRolePolicy", await RoleArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var updated = await services.Iam.UpdateAssumeRolePolicyAsync(account, name!, document!, cancellationToken: ct);
        return updated.Success ? QueryResponse.Empty() : Fail(updated.Error);
    }
}
