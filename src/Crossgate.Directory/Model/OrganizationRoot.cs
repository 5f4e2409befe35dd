namespace Crossgate.Directory.Model;

/// <summary>The root of an organization (<c>r-…</c>): the top of the OU tree and the first SCP/RCP level.</summary>
public sealed record OrganizationRoot
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Arn { get; init; }

    public string Name { get; init; } = "Root";

    /// <summary>Enabled policy types, e.g. <c>SERVICE_CONTROL_POLICY</c>, <c>RESOURCE_CONTROL_POLICY</c>.</summary>
    public IReadOnlyList<string> PolicyTypes { get; init; } = [];

    public IReadOnlyList<string> AttachedPolicyIds { get; init; } = [];

    /// <summary>Whether policies of <paramref name="type"/> may be attached and are evaluated in this root.</summary>
    public bool Enables(OrganizationPolicyType type) => PolicyTypes.Contains(type.ToWireName());

    /// <summary>The AWS managed policies every root, OU and account holds while their type is enabled
    /// (<c>FullAWSAccess</c>, <c>RCPFullAWSAccess</c>).</summary>
    public IReadOnlyList<string> DefaultAttachments()
    {
        var ids = new List<string>(2);
        if (Enables(OrganizationPolicyType.ServiceControlPolicy)) ids.Add(OrganizationPolicy.FullAwsAccessId);
        if (Enables(OrganizationPolicyType.ResourceControlPolicy)) ids.Add(OrganizationPolicy.RcpFullAwsAccessId);
        return ids;
    }
}
