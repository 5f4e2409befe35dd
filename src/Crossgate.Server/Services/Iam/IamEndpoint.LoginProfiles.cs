using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> LoginProfileActions() =>
    [
        ("CreateLoginProfile", Handler(CreateLoginProfileAsync)),
        ("GetLoginProfile", Handler(GetLoginProfileAsync)),
        ("UpdateLoginProfile", Handler(UpdateLoginProfileAsync)),
        ("DeleteLoginProfile", Handler(DeleteLoginProfileAsync)),
    ];

    private static void LoginProfile(XmlResultWriter w, IamUser user) =>
        w.Struct("LoginProfile", l => l
            .Element("UserName", user.UserName)
            .Element("CreateDate", user.LoginProfile!.CreateDate)
            .Element("PasswordResetRequired", user.LoginProfile.PasswordResetRequired));

    private async Task<QueryResponse> CreateLoginProfileAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var password = p.Get("Password");
        if (!p.TryGetBool("PasswordResetRequired", out var reset))
        {
            return QueryErrors.ValidationError($"1 validation error detected: Value '{p.Get("PasswordResetRequired")}' at 'passwordResetRequired' failed to satisfy constraint: Member must be a boolean");
        }

        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "CreateLoginProfile", password, "password", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var created = await services.Iam.CreateLoginProfileAsync(account, name, password!, reset ?? false, cancellationToken: ct);
        return created.Success ? QueryResponse.Ok(w => LoginProfile(w, created.Value!)) : Fail(created.Error);
    }

    private async Task<QueryResponse> GetLoginProfileAsync(QueryRequest request, CancellationToken ct)
    {
        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "GetLoginProfile", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var user = await services.Iam.GetUserAsync(account, name, ct);
        if (!user.Success)
        {
            return Fail(user.Error);
        }

        return user.Value!.LoginProfile is null
            ? Fail(IamError.NoSuchEntity($"Login Profile for User {user.Value.UserName} cannot be found."))
            : QueryResponse.Ok(w => LoginProfile(w, user.Value));
    }

    private async Task<QueryResponse> UpdateLoginProfileAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        if (!p.TryGetBool("PasswordResetRequired", out var reset))
        {
            return QueryErrors.ValidationError($"1 validation error detected: Value '{p.Get("PasswordResetRequired")}' at 'passwordResetRequired' failed to satisfy constraint: Member must be a boolean");
        }

        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "UpdateLoginProfile", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var updated = await services.Iam.UpdateLoginProfileAsync(account, name, p.Get("Password"), reset, cancellationToken: ct);
        return updated.Success ? QueryResponse.Empty() : Fail(updated.Error);
    }

    private async Task<QueryResponse> DeleteLoginProfileAsync(QueryRequest request, CancellationToken ct)
    {
        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "DeleteLoginProfile", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var deleted = await services.Iam.DeleteLoginProfileAsync(account, name, cancellationToken: ct);
        return deleted.Success ? QueryResponse.Empty() : Fail(deleted.Error);
    }
}
