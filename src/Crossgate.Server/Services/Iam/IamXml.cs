using Crossgate.Directory.Model;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

/// <summary>IAM's response shapes for the entities several actions return (botocore's iam model, member order
/// kept). Policy documents go out URL-encoded, as IAM sends them.</summary>
internal static class IamXml
{
    public static string EncodeDocument(string document) => Uri.EscapeDataString(document);

    public static void User(XmlResultWriter w, IamUser user, bool withTags = true)
    {
        w.Element("Path", user.Path)
            .Element("UserName", user.UserName)
            .Element("UserId", user.UserId)
            .Element("Arn", user.Arn)
            .Element("CreateDate", user.CreateDate)
            .Element("PasswordLastUsed", user.PasswordLastUsed);
        if (withTags)
        {
            // GetUser and CreateUser carry the boundary and tags; the listings (ListUsers, GetGroup) do not.
            Boundary(w, user.PermissionsBoundaryArn);
            Tags(w, user.Tags);
        }
    }

    public static void Group(XmlResultWriter w, IamGroup group) =>
        w.Element("Path", group.Path)
            .Element("GroupName", group.GroupName)
            .Element("GroupId", group.GroupId)
            .Element("Arn", group.Arn)
            .Element("CreateDate", group.CreateDate);

    /// <summary>A role. CreateRole leaves out RoleLastUsed; ListRoles also the boundary and tags.</summary>
    public static void Role(XmlResultWriter w, IamRole role, bool withLastUsed = true, bool listing = false)
    {
        w.Element("Path", role.Path)
            .Element("RoleName", role.RoleName)
            .Element("RoleId", role.RoleId)
            .Element("Arn", role.Arn)
            .Element("CreateDate", role.CreateDate)
            .Element("AssumeRolePolicyDocument", EncodeDocument(role.AssumeRolePolicyDocument))
            .Element("Description", role.Description)
            .Element("MaxSessionDuration", role.MaxSessionDuration);
        if (!listing)
        {
            Boundary(w, role.PermissionsBoundaryArn);
            Tags(w, role.Tags);
        }

        if (withLastUsed && !listing)
        {
            w.Struct("RoleLastUsed", last => last.Element("LastUsedDate", role.LastUsedDate).Element("Region", role.LastUsedRegion));
        }
    }

    public static void Policy(XmlResultWriter w, ManagedPolicy policy, int attachments, int boundaryUses, bool withTags = true)
    {
        w.Element("PolicyName", policy.PolicyName)
            .Element("PolicyId", policy.PolicyId)
            .Element("Arn", policy.Arn)
            .Element("Path", policy.Path)
            .Element("DefaultVersionId", policy.DefaultVersionId)
            .Element("AttachmentCount", attachments)
            .Element("PermissionsBoundaryUsageCount", boundaryUses)
            .Element("IsAttachable", policy.IsAttachable)
            .Element("Description", policy.Description)
            .Element("CreateDate", policy.CreateDate)
            .Element("UpdateDate", policy.UpdateDate);
        if (withTags)
        {
            Tags(w, policy.Tags);
        }
    }

    public static void PolicyVersion(XmlResultWriter w, PolicyVersion version, bool withDocument = true) =>
        w.Element("Document", withDocument ? EncodeDocument(version.Document) : null)
            .Element("VersionId", version.VersionId)
            .Element("IsDefaultVersion", version.IsDefaultVersion)
            .Element("CreateDate", version.CreateDate);

    public static void AttachedPolicies(XmlResultWriter w, string name, IEnumerable<AttachedPolicy> attached) =>
        w.List(name, attached, (m, a) => m.Element("PolicyName", a.PolicyName).Element("PolicyArn", a.PolicyArn));

    public static void InlinePolicies(XmlResultWriter w, string name, IEnumerable<InlinePolicy> policies) =>
        w.List(name, policies, (m, p) => m.Element("PolicyName", p.PolicyName).Element("PolicyDocument", EncodeDocument(p.Document)));

    /// <summary>A <c>Tags</c> list, left out when empty as IAM does.</summary>
    public static void Tags(XmlResultWriter w, IReadOnlyList<Tag> tags)
    {
        if (tags.Count > 0)
        {
            TagList(w, tags);
        }
    }

    public static void TagList(XmlResultWriter w, IEnumerable<Tag> tags) =>
        w.List("Tags", tags, (m, t) => m.Element("Key", t.Key).Element("Value", t.Value));

    private static void Boundary(XmlResultWriter w, string? arn)
    {
        if (arn is not null)
        {
            w.Struct("PermissionsBoundary", b => b.Element("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Element("PermissionsBoundaryArn", arn));
        }
    }
}
