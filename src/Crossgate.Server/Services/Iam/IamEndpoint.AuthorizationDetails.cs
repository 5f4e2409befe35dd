using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private static readonly string[] DetailFilters = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

    private IEnumerable<(string, QueryActionHandler)> AuthorizationDetailsActions() =>
    [
        ("GetAccountAuthorizationDetails", Handler(GetAccountAuthorizationDetailsAsync)),
    ];

    /// <summary>Every user, group, role and managed policy of the account (AWS managed ones only when attached
    /// there), filtered by <c>Filter</c>; one page runs through users, groups, roles and then policies.</summary>
    private async Task<QueryResponse> GetAccountAuthorizationDetailsAsync(QueryRequest request, CancellationToken ct)
    {
        var filter = request.Parameters.List("Filter");
        foreach (var entity in filter)
        {
            if (!DetailFilters.Contains(entity))
            {
                return QueryErrors.ValidationError(
                    $"1 validation error detected: Value '[{string.Join(", ", filter)}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{string.Join(", ", DetailFilters)}]]");
            }
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:GetAccountAuthorizationDetails", "*", ct) is { } denied)
        {
            return denied;
        }

        bool Wanted(string entity) => filter.Count == 0 || filter.Contains(entity);
        var usage = await PolicyUsageAsync(account, ct);
        var items = new List<object>();
        if (Wanted("User"))
        {
            items.AddRange((await services.Store.ListAllAsync(EntityKinds.Users, account, ct)).Select(v => v.Value));
        }

        if (Wanted("Group"))
        {
            items.AddRange((await services.Store.ListAllAsync(EntityKinds.Groups, account, ct)).Select(v => v.Value));
        }

        if (Wanted("Role"))
        {
            items.AddRange((await services.Store.ListAllAsync(EntityKinds.Roles, account, ct)).Select(v => v.Value));
        }

        if (Wanted("LocalManagedPolicy"))
        {
            items.AddRange((await services.Store.ListAllAsync(EntityKinds.ManagedPolicies, account, ct)).Select(v => v.Value));
        }

        if (Wanted("AWSManagedPolicy"))
        {
            foreach (var arn in usage.Keys.Where(AwsManagedPolicies.IsAwsManagedArn).Order(StringComparer.Ordinal))
            {
                if (AwsManagedPolicies.Find(arn) is { } aws)
                {
                    items.Add(aws);
                }
            }
        }

        if (PageOf(items, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("UserDetailList", page.OfType<IamUser>(), (m, u) =>
            {
                m.Element("Path", u.Path).Element("UserName", u.UserName).Element("UserId", u.UserId).Element("Arn", u.Arn).Element("CreateDate", u.CreateDate);
                IamXml.InlinePolicies(m, "UserPolicyList", u.InlinePolicies);
                m.List("GroupList", u.Groups);
                IamXml.AttachedPolicies(m, "AttachedManagedPolicies", u.AttachedPolicies);
                if (u.PermissionsBoundaryArn is { } boundary)
                {
                    m.Struct("PermissionsBoundary", b => b.Element("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Element("PermissionsBoundaryArn", boundary));
                }

                IamXml.Tags(m, u.Tags);
            });
            w.List("GroupDetailList", page.OfType<IamGroup>(), (m, g) =>
            {
                IamXml.Group(m, g);
                IamXml.InlinePolicies(m, "GroupPolicyList", g.InlinePolicies);
                IamXml.AttachedPolicies(m, "AttachedManagedPolicies", g.AttachedPolicies);
            });
            w.List("RoleDetailList", page.OfType<IamRole>(), (m, r) =>
            {
                m.Element("Path", r.Path).Element("RoleName", r.RoleName).Element("RoleId", r.RoleId).Element("Arn", r.Arn).Element("CreateDate", r.CreateDate)
                    .Element("AssumeRolePolicyDocument", IamXml.EncodeDocument(r.AssumeRolePolicyDocument));
                m.List("InstanceProfileList", r.InstanceProfiles, (ip, profile) => ip
                    .Element("Path", profile.Path).Element("InstanceProfileName", profile.InstanceProfileName)
                    .Element("InstanceProfileId", profile.InstanceProfileId).Element("Arn", profile.Arn).Element("CreateDate", profile.CreateDate));
                IamXml.InlinePolicies(m, "RolePolicyList", r.InlinePolicies);
                IamXml.AttachedPolicies(m, "AttachedManagedPolicies", r.AttachedPolicies);
                if (r.PermissionsBoundaryArn is { } boundary)
                {
                    m.Struct("PermissionsBoundary", b => b.Element("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Element("PermissionsBoundaryArn", boundary));
                }

                IamXml.Tags(m, r.Tags);
                m.Struct("RoleLastUsed", last => last.Element("LastUsedDate", r.LastUsedDate).Element("Region", r.LastUsedRegion));
            });
            w.List("Policies", page.OfType<ManagedPolicy>(), (m, x) =>
            {
                var (attachments, boundaries) = usage.GetValueOrDefault(x.Arn);
                m.Element("PolicyName", x.PolicyName).Element("PolicyId", x.PolicyId).Element("Arn", x.Arn).Element("Path", x.Path)
                    .Element("DefaultVersionId", x.DefaultVersionId).Element("AttachmentCount", attachments)
                    .Element("PermissionsBoundaryUsageCount", boundaries).Element("IsAttachable", x.IsAttachable)
                    .Element("Description", x.Description).Element("CreateDate", x.CreateDate).Element("UpdateDate", x.UpdateDate);
                m.List("PolicyVersionList", x.Versions, (v, version) => IamXml.PolicyVersion(v, version));
            });
            Truncation(w, next is not null, next);
        });
    }
}
