using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> UserActions() =>
    [
        ("CreateUser", Handler(CreateUserAsync)),
        ("GetUser", Handler(GetUserAsync)),
        ("ListUsers", Handler(ListUsersAsync)),
        ("UpdateUser", Handler(UpdateUserAsync)),
        ("DeleteUser", Handler(DeleteUserAsync)),
    ];

    private async Task<QueryResponse> CreateUserAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var name = p.Get("UserName");
        if ((Missing(("userName", name)) ?? InvalidName("userName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        var path = p.Get("Path") ?? "/";
        var tags = TagsOf(p);
        if (await DeniedAsync(request, "iam:CreateUser", IamArns.User(account, path, name!), ct, tags) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreateUserAsync(account, name!, path, p.Get("PermissionsBoundary"), tags, cancellationToken: ct);
        return created.Success ? QueryResponse.Ok(w => w.Struct("User", u => IamXml.User(u, created.Value!))) : Fail(created.Error);
    }

    /// <summary>Without <c>UserName</c>, the calling user (or the root user of the account).</summary>
    private async Task<QueryResponse> GetUserAsync(QueryRequest request, CancellationToken ct)
    {
        var account = AccountOf(request);
        var principal = RequestGuard.CallerOf(request.Context).Principal;
        if (InvalidName("userName", request.Parameters.Get("UserName"), 64) is { } invalid)
        {
            return invalid;
        }

        var name = request.Parameters.Get("UserName") ?? principal.UserName;
        if (name is null)
        {
            if (await DeniedAsync(request, "iam:GetUser", principal.Arn, ct) is { } deniedRoot)
            {
                return deniedRoot;
            }

            return principal.Kind == Crossgate.Policies.Evaluation.PrincipalKind.Root
                ? QueryResponse.Ok(w => w.Struct("User", u => u.Element("UserId", account).Element("Arn", principal.Arn)))
                : QueryResponse.Fail(QueryErrors.ValidationError("Must specify userName when calling with non-User credentials"));
        }

        if (await DeniedAsync(request, "iam:GetUser", await UserArnAsync(account, name, ct), ct) is { } denied)
        {
            return denied;
        }

        var found = await services.Iam.GetUserAsync(account, name, ct);
        return found.Success ? QueryResponse.Ok(w => w.Struct("User", u => IamXml.User(u, found.Value!))) : Fail(found.Error);
    }

    private async Task<QueryResponse> ListUsersAsync(QueryRequest request, CancellationToken ct)
    {
        var account = AccountOf(request);
        var prefix = request.Parameters.Get("PathPrefix");
        if (await DeniedAsync(request, "iam:ListUsers", IamArns.User(account, "/", string.Empty), ct) is { } denied)
        {
            return denied;
        }

        var (page, error) = await ListPageAsync(EntityKinds.Users, account, request.Parameters, prefix, null, ct);
        if (error is not null)
        {
            return error;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Users", page!.Items, (m, u) => IamXml.User(m, u.Value, withTags: false));
            Truncation(w, page.IsTruncated, page.Marker);
        });
    }

    /// <summary>Moves (<c>NewPath</c>) and/or renames (<c>NewUserName</c>) a user; a rename carries its access keys
    /// and MFA devices along.</summary>
    private async Task<QueryResponse> UpdateUserAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var name = p.Get("UserName");
        if ((Missing(("userName", name)) ?? InvalidName("userName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        var newName = p.Get("NewUserName");
        var newPath = p.Get("NewPath");
        if (((newName is null ? null : IamNames.UserName(newName)) ?? (newPath is null ? null : IamNames.EntityPath(newPath))) is { } invalid)
        {
            return Fail(invalid);
        }

        if (await DeniedAsync(request, "iam:UpdateUser", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var found = await services.Store.GetUserAsync(account, name!, ct);
            if (found is null)
            {
                return Fail(IamMessages.NoSuchUser(name!));
            }

            var renamed = newName is not null && !string.Equals(EntityKinds.NameKey(newName), EntityKinds.NameKey(found.Value.UserName), StringComparison.Ordinal);
            var user = found.Value with { UserName = newName ?? found.Value.UserName, Path = newPath ?? found.Value.Path };
            var changes = new ChangeSet();
            if (!renamed)
            {
                changes.Update(EntityKinds.Users, user, found.Version);
            }
            else
            {
                if (await services.Store.GetUserAsync(account, newName!, ct) is not null)
                {
                    return Fail(IamMessages.UserExists(newName!));
                }

                changes.Delete(EntityKinds.Users, found.Value, found.Version).Insert(EntityKinds.Users, user);
                var owner = new ListQuery { MaxItems = int.MaxValue, Owner = EntityKinds.NameKey(found.Value.UserName) };
                foreach (var key in (await services.Store.ListAsync(EntityKinds.AccessKeys, account, owner, ct)).Items)
                {
                    changes.Update(EntityKinds.AccessKeys, key.Value with { UserName = user.UserName }, key.Version);
                }

                foreach (var device in (await services.Store.ListAsync(EntityKinds.MfaDevices, account, owner, ct)).Items)
                {
                    changes.Update(EntityKinds.MfaDevices, device.Value with { UserName = user.UserName }, device.Version);
                }
            }

            var committed = await services.Store.CommitAsync(changes, ct);
            if (committed.Success)
            {
                return QueryResponse.Empty();
            }

            if (committed.Reason == ConflictReason.AlreadyExists)
            {
                return Fail(IamMessages.UserExists(newName!));
            }
        }

        return Fail(IamMessages.ConcurrentModification());
    }

    private async Task<QueryResponse> DeleteUserAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("UserName");
        if ((Missing(("userName", name)) ?? InvalidName("userName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:DeleteUser", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var deleted = await services.Iam.DeleteUserAsync(account, name!, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }
}
