using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> GroupActions() =>
    [
        ("CreateGroup", Handler(CreateGroupAsync)),
        ("GetGroup", Handler(GetGroupAsync)),
        ("ListGroups", Handler(ListGroupsAsync)),
        ("DeleteGroup", Handler(DeleteGroupAsync)),
        ("AddUserToGroup", Handler((r, ct) => MembershipAsync(r, "AddUserToGroup", ct))),
        ("RemoveUserFromGroup", Handler((r, ct) => MembershipAsync(r, "RemoveUserFromGroup", ct))),
        ("ListGroupsForUser", Handler(ListGroupsForUserAsync)),
    ];

    private async Task<QueryResponse> CreateGroupAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var name = p.Get("GroupName");
        if ((Missing(("groupName", name)) ?? InvalidName("groupName", name, 128)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        var path = p.Get("Path") ?? "/";
        if (await DeniedAsync(request, "iam:CreateGroup", IamArns.Group(account, path, name!), ct) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreateGroupAsync(account, name!, path, cancellationToken: ct);
        return created.Success ? QueryResponse.Ok(w => w.Struct("Group", g => IamXml.Group(g, created.Value!))) : Fail(created.Error);
    }

    /// <summary>The group and a page of its members.</summary>
    private async Task<QueryResponse> GetGroupAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("GroupName");
        if ((Missing(("groupName", name)) ?? InvalidName("groupName", name, 128)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:GetGroup", await GroupArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var group = await services.Store.GetGroupAsync(account, name!, ct);
        if (group is null)
        {
            return Fail(IamMessages.NoSuchGroup(name!));
        }

        var members = await services.Iam.ListGroupMembersAsync(account, group.Value.GroupName, ct);
        if (PageOf(members, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            w.Struct("Group", g => IamXml.Group(g, group.Value));
            w.List("Users", page, (m, u) => IamXml.User(m, u, withTags: false));
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> ListGroupsAsync(QueryRequest request, CancellationToken ct)
    {
        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListGroups", IamArns.Group(account, "/", string.Empty), ct) is { } denied)
        {
            return denied;
        }

        var (page, error) = await ListPageAsync(EntityKinds.Groups, account, request.Parameters, request.Parameters.Get("PathPrefix"), null, ct);
        if (error is not null)
        {
            return error;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Groups", page!.Items, (m, g) => IamXml.Group(m, g.Value));
            Truncation(w, page.IsTruncated, page.Marker);
        });
    }

    private async Task<QueryResponse> DeleteGroupAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("GroupName");
        if ((Missing(("groupName", name)) ?? InvalidName("groupName", name, 128)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:DeleteGroup", await GroupArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var deleted = await services.Iam.DeleteGroupAsync(account, name!, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }

    /// <summary>AddUserToGroup and RemoveUserFromGroup: both act on the group.</summary>
    private async Task<QueryResponse> MembershipAsync(QueryRequest request, string action, CancellationToken ct)
    {
        var p = request.Parameters;
        var (group, user) = (p.Get("GroupName"), p.Get("UserName"));
        if (Missing(("groupName", group), ("userName", user)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:" + action, await GroupArnAsync(account, group!, ct), ct) is { } denied)
        {
            return denied;
        }

        var result = action == "AddUserToGroup"
            ? await services.Iam.AddUserToGroupAsync(account, group!, user!, cancellationToken: ct)
            : await services.Iam.RemoveUserFromGroupAsync(account, group!, user!, cancellationToken: ct);
        return result.Success ? QueryResponse.Empty() : Fail(result.Error);
    }

    private async Task<QueryResponse> ListGroupsForUserAsync(QueryRequest request, CancellationToken ct)
    {
        var name = request.Parameters.Get("UserName");
        if ((Missing(("userName", name)) ?? InvalidName("userName", name, 64)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListGroupsForUser", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        var user = await services.Store.GetUserAsync(account, name!, ct);
        if (user is null)
        {
            return Fail(IamMessages.NoSuchUser(name!));
        }

        var groups = new List<IamGroup>();
        foreach (var groupName in user.Value.Groups)
        {
            if (await services.Store.GetGroupAsync(account, groupName, ct) is { } group)
            {
                groups.Add(group.Value);
            }
        }

        if (PageOf(groups, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("Groups", page, IamXml.Group);
            Truncation(w, next is not null, next);
        });
    }
}
