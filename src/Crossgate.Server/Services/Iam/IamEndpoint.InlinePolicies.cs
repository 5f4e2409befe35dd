using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    /// <summary>The kinds of IAM identity that hold inline and attached policies: its request parameter and the
    /// word IAM uses for it in action names and messages.</summary>
    private enum Holder
    {
        User,
        Group,
        Role,
    }

    private IEnumerable<(string, QueryActionHandler)> InlinePolicyActions() =>
        Enum.GetValues<Holder>().SelectMany(holder => new (string, QueryActionHandler)[]
        {
            ($"Put{holder}Policy", Handler((r, ct) => PutInlineAsync(r, holder, ct))),
            ($"Get{holder}Policy", Handler((r, ct) => GetInlineAsync(r, holder, ct))),
            ($"List{holder}Policies", Handler((r, ct) => ListInlineAsync(r, holder, ct))),
            ($"Delete{holder}Policy", Handler((r, ct) => DeleteInlineAsync(r, holder, ct))),
        });

    private static string NameParameter(Holder holder) => holder + "Name";

    private static string NameMember(Holder holder) => holder.ToString().ToLowerInvariant() + "Name";

    private Task<string> HolderArnAsync(Holder holder, string account, string name, CancellationToken ct) => holder switch
    {
        Holder.User => UserArnAsync(account, name, ct),
        Holder.Group => GroupArnAsync(account, name, ct),
        _ => RoleArnAsync(account, name, ct),
    };

    private static IamError NoSuchHolder(Holder holder, string name) => holder switch
    {
        Holder.User => IamMessages.NoSuchUser(name),
        Holder.Group => IamMessages.NoSuchGroup(name),
        _ => IamMessages.NoSuchRole(name),
    };

    /// <summary>The inline and attached policies of a user, group or role; null when it does not exist.</summary>
    private async Task<(IReadOnlyList<InlinePolicy> Inline, IReadOnlyList<AttachedPolicy> Attached)?> PoliciesOfAsync(
        Holder holder, string account, string name, CancellationToken ct)
    {
        switch (holder)
        {
            case Holder.User:
                var user = await services.Store.GetUserAsync(account, name, ct);
                return user is null ? null : (user.Value.InlinePolicies, user.Value.AttachedPolicies);
            case Holder.Group:
                var group = await services.Store.GetGroupAsync(account, name, ct);
                return group is null ? null : (group.Value.InlinePolicies, group.Value.AttachedPolicies);
            default:
                var role = await services.Store.GetRoleAsync(account, name, ct);
                return role is null ? null : (role.Value.InlinePolicies, role.Value.AttachedPolicies);
        }
    }

    /// <summary>Checks the holder and policy name parameters and authorizes <paramref name="action"/> on the holder.</summary>
    private async Task<(string Account, string Name, QueryResponse? Refusal)> HolderRequestAsync(
        QueryRequest request, Holder holder, string action, string? second, string? secondMember, CancellationToken ct, IReadOnlyList<Tag>? requestTags = null)
    {
        var name = request.Parameters.Get(NameParameter(holder));
        var missing = secondMember is null ? Missing((NameMember(holder), name)) : Missing((NameMember(holder), name), (secondMember, second));
        if (missing is not null)
        {
            return (string.Empty, string.Empty, missing);
        }

        // Constraint failures come before the authorization check, as IAM answers them.
        if (IamNames.Name(name, NameMember(holder), holder == Holder.Group ? 128 : 64) is { } invalid)
        {
            return (string.Empty, string.Empty, Fail(invalid));
        }

        var account = AccountOf(request);
        var denied = await DeniedAsync(request, "iam:" + action, await HolderArnAsync(holder, account, name!, ct), ct, requestTags);
        return (account, name!, denied is null ? null : QueryResponse.Fail(denied));
    }

    private async Task<QueryResponse> PutInlineAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var (policyName, document) = (request.Parameters.Get("PolicyName"), request.Parameters.Get("PolicyDocument"));
        var documentMissing = Missing(("policyDocument", document));
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"Put{holder}Policy", policyName, "policyName", ct);
        if (refusal is not null || documentMissing is not null)
        {
            return refusal ?? documentMissing!;
        }

        var error = holder switch
        {
            Holder.User => (await services.Iam.PutUserPolicyAsync(account, name, policyName!, document!, cancellationToken: ct)).Error,
            Holder.Group => (await services.Iam.PutGroupPolicyAsync(account, name, policyName!, document!, cancellationToken: ct)).Error,
            _ => (await services.Iam.PutRolePolicyAsync(account, name, policyName!, document!, cancellationToken: ct)).Error,
        };
        return error is null ? QueryResponse.Empty() : Fail(error);
    }

    private async Task<QueryResponse> GetInlineAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var policyName = request.Parameters.Get("PolicyName");
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"Get{holder}Policy", policyName, "policyName", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var policies = await PoliciesOfAsync(holder, account, name, ct);
        if (policies is null)
        {
            return Fail(NoSuchHolder(holder, name));
        }

        var policy = policies.Value.Inline.FirstOrDefault(x => x.PolicyName == policyName);
        if (policy is null)
        {
            return Fail(IamMessages.NoSuchInlinePolicy(holder.ToString().ToLowerInvariant(), name, policyName!));
        }

        return QueryResponse.Ok(w => w
            .Element(NameParameter(holder), name)
            .Element("PolicyName", policy.PolicyName)
            .Element("PolicyDocument", IamXml.EncodeDocument(policy.Document)));
    }

    private async Task<QueryResponse> ListInlineAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"List{holder}Policies", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var policies = await PoliciesOfAsync(holder, account, name, ct);
        if (policies is null)
        {
            return Fail(NoSuchHolder(holder, name));
        }

        var names = policies.Value.Inline.Select(x => x.PolicyName).Order(StringComparer.Ordinal).ToList();
        if (PageOf(names, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("PolicyNames", page);
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> DeleteInlineAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var policyName = request.Parameters.Get("PolicyName");
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"Delete{holder}Policy", policyName, "policyName", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var error = holder switch
        {
            Holder.User => (await services.Iam.DeleteUserPolicyAsync(account, name, policyName!, cancellationToken: ct)).Error,
            Holder.Role => (await services.Iam.DeleteRolePolicyAsync(account, name, policyName!, cancellationToken: ct)).Error,
            _ => await DeleteGroupPolicyAsync(account, name, policyName!, ct),
        };
        return error is null ? QueryResponse.Empty() : Fail(error);
    }

    /// <summary>IamDirectory has no DeleteGroupPolicy; the same read-modify-commit, retried on a lost race.</summary>
    private async Task<IamError?> DeleteGroupPolicyAsync(string account, string groupName, string policyName, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var found = await services.Store.GetGroupAsync(account, groupName, ct);
            if (found is null)
            {
                return IamMessages.NoSuchGroup(groupName);
            }

            if (!found.Value.InlinePolicies.Any(p => p.PolicyName == policyName))
            {
                return IamMessages.NoSuchInlinePolicy("group", groupName, policyName);
            }

            var group = found.Value with { InlinePolicies = found.Value.InlinePolicies.Where(p => p.PolicyName != policyName).ToList() };
            if ((await services.Store.CommitAsync(new ChangeSet().Update(EntityKinds.Groups, group, found.Version), ct)).Success)
            {
                return null;
            }
        }

        return IamMessages.ConcurrentModification();
    }
}
