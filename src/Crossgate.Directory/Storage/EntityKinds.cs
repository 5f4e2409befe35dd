using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>Every kind of entity the directory stores, one table each.</summary>
public static class EntityKinds
{
    /// <summary>The scope of store-wide entities (organizations, accounts).</summary>
    public const string Global = "";

    public static readonly EntityKind<Organization> Organizations =
        new("organizations", _ => Global, o => o.Id);

    public static readonly EntityKind<OrganizationRoot> Roots =
        new("org_roots", r => r.OrganizationId, r => r.Id);

    public static readonly EntityKind<OrganizationalUnit> OrganizationalUnits =
        new("org_units", u => u.OrganizationId, u => u.Id, owner: u => u.ParentId);

    public static readonly EntityKind<OrganizationPolicy> OrganizationPolicies =
        new("org_policies", p => p.OrganizationId, p => p.Id);

    public static readonly EntityKind<Account> Accounts =
        new("accounts", _ => Global, a => a.Id, owner: a => a.ParentId);

    public static readonly EntityKind<IamUser> Users =
        new("iam_users", u => u.AccountId, u => NameKey(u.UserName), u => u.UserId, path: u => u.Path);

    public static readonly EntityKind<IamGroup> Groups =
        new("iam_groups", g => g.AccountId, g => NameKey(g.GroupName), g => g.GroupId, path: g => g.Path);

    public static readonly EntityKind<IamRole> Roles =
        new("iam_roles", r => r.AccountId, r => NameKey(r.RoleName), r => r.RoleId, path: r => r.Path);

    public static readonly EntityKind<ManagedPolicy> ManagedPolicies =
        new("iam_policies", p => p.AccountId, p => NameKey(p.PolicyName), p => p.PolicyId, path: p => p.Path);

    public static readonly EntityKind<AccessKey> AccessKeys =
        new("iam_access_keys", k => k.AccountId, k => k.AccessKeyId, k => k.AccessKeyId, owner: k => NameKey(k.UserName),
            secrets: [nameof(AccessKey.SecretAccessKey)]);

    public static readonly EntityKind<VirtualMfaDevice> MfaDevices =
        new("iam_mfa_devices", d => d.AccountId, d => d.SerialNumber, d => d.SerialNumber,
            owner: d => d.UserName is null ? null : NameKey(d.UserName), secrets: [nameof(VirtualMfaDevice.Base32Seed)]);

    public static readonly EntityKind<StsSession> Sessions =
        new("sts_sessions", s => s.AccountId, s => s.AccessKeyId, s => s.AccessKeyId,
            secrets: [nameof(StsSession.SecretAccessKey), nameof(StsSession.SessionToken)]);

    public static IReadOnlyList<EntityKind> All { get; } =
    [
        Organizations, Roots, OrganizationalUnits, OrganizationPolicies, Accounts,
        Users, Groups, Roles, ManagedPolicies, AccessKeys, MfaDevices, Sessions,
    ];

    /// <summary>IAM names are unique per account ignoring case; the key is the invariant lower-case form.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();
}
