using Crossgate.Directory.Model;

namespace Crossgate.Server.Services.Organizations;

/// <summary>The calling account and the organization it belongs to (null when it belongs to none).</summary>
internal sealed record OrganizationsCaller(string AccountId, Organization? Organization)
{
    public bool IsManagement => Organization?.ManagementAccountId == AccountId;

    /// <summary>ARNs of the organization's resources, as the Service Authorization Reference spells them.</summary>
    public string ArnOf(string type, string id) =>
        $"arn:aws:organizations::{Organization!.ManagementAccountId}:{type}/{Organization.Id}/{id}";

    /// <summary>The ARN of a root (<c>r-…</c>) or OU (<c>ou-…</c>) named as a parent.</summary>
    public string ParentArn(string? parentId) =>
        parentId is null ? "*" : ArnOf(parentId.StartsWith("r-", StringComparison.Ordinal) ? "root" : "ou", parentId);
}
