using Crossgate.Directory;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> AttachmentActions() =>
        Enum.GetValues<Holder>().SelectMany(holder => new (string, QueryActionHandler)[]
        {
            ($"Attach{holder}Policy", Handler((r, ct) => AttachAsync(r, holder, attach: true, ct))),
            ($"Detach{holder}Policy", Handler((r, ct) => AttachAsync(r, holder, attach: false, ct))),
            ($"ListAttached{holder}Policies", Handler((r, ct) => ListAttachedAsync(r, holder, ct))),
        }).Concat(
        [
            ("PutUserPermissionsBoundary", Handler((r, ct) => BoundaryAsync(r, Holder.User, put: true, ct))),
            ("DeleteUserPermissionsBoundary", Handler((r, ct) => BoundaryAsync(r, Holder.User, put: false, ct))),
            ("PutRolePermissionsBoundary", Handler((r, ct) => BoundaryAsync(r, Holder.Role, put: true, ct))),
            ("DeleteRolePermissionsBoundary", Handler((r, ct) => BoundaryAsync(r, Holder.Role, put: false, ct))),
        ]);

    private async Task<QueryResponse> AttachAsync(QueryRequest request, Holder holder, bool attach, CancellationToken ct)
    {
        var arn = request.Parameters.Get("PolicyArn");
        var action = (attach ? "Attach" : "Detach") + holder + "Policy";
        var (account, name, refusal) = await HolderRequestAsync(request, holder, action, arn, "policyArn", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var error = (holder, attach) switch
        {
            (Holder.User, true) => (await services.Iam.AttachUserPolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
            (Holder.User, false) => (await services.Iam.DetachUserPolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
            (Holder.Group, true) => (await services.Iam.AttachGroupPolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
            (Holder.Group, false) => (await services.Iam.DetachGroupPolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
            (_, true) => (await services.Iam.AttachRolePolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
            _ => (await services.Iam.DetachRolePolicyAsync(account, name, arn!, cancellationToken: ct)).Error,
        };
        return error is null ? QueryResponse.Empty() : Fail(error);
    }

    private async Task<QueryResponse> ListAttachedAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"ListAttached{holder}Policies", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var policies = await PoliciesOfAsync(holder, account, name, ct);
        if (policies is null)
        {
            return Fail(NoSuchHolder(holder, name));
        }

        // PathPrefix filters on the policy's path, which its ARN carries.
        var prefix = request.Parameters.Get("PathPrefix");
        var attached = policies.Value.Attached
            .Where(a => prefix is null || (IamArns.TryParseIam(a.PolicyArn, out var parts) && parts.Path.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        if (PageOf(attached, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            IamXml.AttachedPolicies(w, "AttachedPolicies", page);
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> BoundaryAsync(QueryRequest request, Holder holder, bool put, CancellationToken ct)
    {
        var arn = request.Parameters.Get("PermissionsBoundary");
        var action = (put ? "Put" : "Delete") + holder + "PermissionsBoundary";
        var (account, name, refusal) = await HolderRequestAsync(request, holder, action, arn, put ? "permissionsBoundary" : null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var boundary = put ? arn : null;
        var error = holder == Holder.User
            ? (await services.Iam.PutUserPermissionsBoundaryAsync(account, name, boundary, cancellationToken: ct)).Error
            : (await services.Iam.PutRolePermissionsBoundaryAsync(account, name, boundary, cancellationToken: ct)).Error;
        return error is null ? QueryResponse.Empty() : Fail(error);
    }
}
