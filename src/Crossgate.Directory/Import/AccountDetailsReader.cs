using System.Text.Json;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Policies;

namespace Crossgate.Directory.Import;

/// <summary>Reads one <c>aws iam get-account-authorization-details</c> output into the change set of its account.</summary>
internal sealed class AccountDetailsReader(string file, ImportReport report)
{
    public string? AccountId { get; private set; }

    public ChangeSet Changes { get; } = new();

    private readonly Dictionary<string, string> _attachedArns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _policyArns = new(StringComparer.Ordinal);

    public void Read(JsonElement root)
    {
        AccountId = FindAccount(root);
        if (AccountId is null)
        {
            report.Error(file, "$", "cannot tell the account: no user, group, role or customer managed policy ARN names one; file skipped");
            return;
        }

        report.Account(AccountId);
        var top = new JsonFields(root, file, "$", report);
        foreach (var user in top.Objects("UserDetailList"))
        {
            ReadUser(user);
        }

        foreach (var group in top.Objects("GroupDetailList"))
        {
            ReadGroup(group);
        }

        foreach (var role in top.Objects("RoleDetailList"))
        {
            ReadRole(role);
        }

        foreach (var policy in top.Objects("Policies"))
        {
            ReadPolicy(policy);
        }

        foreach (var (arn, path) in _attachedArns)
        {
            if (!_policyArns.Contains(arn) && !ManagedPolicies.AwsManagedPolicies.TryGet(arn, out _))
            {
                report.Warning(file, path, $"{arn} is attached but neither listed in Policies nor a known AWS managed policy; requests will fail to gather it until it is imported");
            }
        }

        if (top.OptionalBool("IsTruncated") == true)
        {
            report.Error(file, "$.IsTruncated", "the output is truncated (a page of a paginated call); entities on the other pages are missing");
        }
    }

    private void ReadUser(JsonFields f)
    {
        var name = f.RequiredString("UserName");
        var id = f.RequiredString("UserId");
        if (name is null || id is null)
        {
            return;
        }

        var user = new IamUser
        {
            AccountId = AccountId!, UserName = name, UserId = id, Path = f.OptionalString("Path") ?? "/", CreateDate = f.Date("CreateDate"),
            InlinePolicies = Inline(f, "UserPolicyList", PolicyKind.Identity), AttachedPolicies = Attached(f), Groups = f.Strings("GroupList"),
            PermissionsBoundaryArn = Boundary(f), Tags = f.Tags(),
        };
        CheckArn(f, user.Arn);
        Changes.Upsert(EntityKinds.Users, user);
        report.Add("users");
    }

    private void ReadGroup(JsonFields f)
    {
        var name = f.RequiredString("GroupName");
        var id = f.RequiredString("GroupId");
        if (name is null || id is null)
        {
            return;
        }

        var group = new IamGroup
        {
            AccountId = AccountId!, GroupName = name, GroupId = id, Path = f.OptionalString("Path") ?? "/", CreateDate = f.Date("CreateDate"),
            InlinePolicies = Inline(f, "GroupPolicyList", PolicyKind.Identity), AttachedPolicies = Attached(f),
        };
        CheckArn(f, group.Arn);
        Changes.Upsert(EntityKinds.Groups, group);
        report.Add("groups");
    }

    private void ReadRole(JsonFields f)
    {
        var name = f.RequiredString("RoleName");
        var id = f.RequiredString("RoleId");
        var trust = f.Document("AssumeRolePolicyDocument");
        if (name is null || id is null || trust is null)
        {
            return;
        }

        CheckDocument(trust, PolicyKind.Trust, $"{f.Path}.AssumeRolePolicyDocument");
        var lastUsed = f.Object("RoleLastUsed");
        var role = new IamRole
        {
            AccountId = AccountId!, RoleName = name, RoleId = id, Path = f.OptionalString("Path") ?? "/", CreateDate = f.Date("CreateDate"),
            AssumeRolePolicyDocument = trust, Description = f.OptionalString("Description"),
            MaxSessionDuration = f.OptionalInt("MaxSessionDuration") ?? IamRole.MinSessionDuration,
            InlinePolicies = Inline(f, "RolePolicyList", PolicyKind.Identity), AttachedPolicies = Attached(f),
            PermissionsBoundaryArn = Boundary(f), Tags = f.Tags(),
            InstanceProfiles = f.Objects("InstanceProfileList").Select(p => new InstanceProfile
            {
                InstanceProfileName = p.RequiredString("InstanceProfileName") ?? string.Empty,
                InstanceProfileId = p.RequiredString("InstanceProfileId") ?? string.Empty,
                Path = p.OptionalString("Path") ?? "/", Arn = p.RequiredString("Arn") ?? string.Empty, CreateDate = p.Date("CreateDate"), Tags = p.Tags(),
            }).ToList(),
            LastUsedDate = lastUsed?.OptionalDate("LastUsedDate"), LastUsedRegion = lastUsed?.OptionalString("Region"),
        };
        CheckArn(f, role.Arn);
        Changes.Upsert(EntityKinds.Roles, role);
        report.Add("roles");
    }

    private void ReadPolicy(JsonFields f)
    {
        var name = f.RequiredString("PolicyName");
        var id = f.RequiredString("PolicyId");
        var arn = f.RequiredString("Arn");
        if (name is null || id is null || arn is null)
        {
            return;
        }

        var versions = new List<PolicyVersion>();
        foreach (var v in f.Objects("PolicyVersionList"))
        {
            var versionId = v.RequiredString("VersionId");
            var document = v.Document("Document");
            if (versionId is null || document is null)
            {
                continue;
            }

            CheckDocument(document, PolicyKind.Identity, $"{v.Path}.Document");
            versions.Add(new PolicyVersion { VersionId = versionId, Document = document, IsDefaultVersion = v.OptionalBool("IsDefaultVersion") ?? false, CreateDate = v.Date("CreateDate") });
        }

        var defaultVersion = f.OptionalString("DefaultVersionId");
        if (versions.Count == 0)
        {
            report.Error(file, $"{f.Path}.PolicyVersionList", $"policy {arn} has no readable version; skipped");
            return;
        }

        if (!versions.Any(v => v.IsDefaultVersion) && defaultVersion is not null)
        {
            versions = versions.Select(v => v with { IsDefaultVersion = v.VersionId == defaultVersion }).ToList();
        }

        if (versions.Count(v => v.IsDefaultVersion) != 1)
        {
            report.Error(file, $"{f.Path}.PolicyVersionList", $"policy {arn} does not have exactly one default version; skipped");
            return;
        }

        var aws = arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal);
        var policy = new ManagedPolicy
        {
            AccountId = aws ? ManagedPolicy.AwsAccount : AccountId!, PolicyName = name, PolicyId = id, Path = f.OptionalString("Path") ?? "/",
            Description = f.OptionalString("Description"), CreateDate = f.Date("CreateDate"), UpdateDate = f.Date("UpdateDate"),
            IsAttachable = f.OptionalBool("IsAttachable") ?? true, Versions = versions, Tags = f.Tags(),
        };
        if (policy.Arn != arn)
        {
            report.Warning(file, $"{f.Path}.Arn", $"ARN {arn} does not match the account, path and name (expected {policy.Arn})");
        }

        Changes.Upsert(EntityKinds.ManagedPolicies, policy);
        _policyArns.Add(arn);
        report.Add(aws ? "AWS managed policies" : "customer managed policies");
        report.Add("policy versions", versions.Count);
    }

    private List<InlinePolicy> Inline(JsonFields f, string member, PolicyKind kind)
    {
        var list = new List<InlinePolicy>();
        foreach (var p in f.Objects(member))
        {
            var name = p.RequiredString("PolicyName");
            var document = p.Document("PolicyDocument");
            if (name is null || document is null)
            {
                continue;
            }

            CheckDocument(document, kind, $"{p.Path}.PolicyDocument");
            list.Add(new InlinePolicy(name, document));
        }

        report.Add("inline policies", list.Count);
        return list;
    }

    private List<AttachedPolicy> Attached(JsonFields f)
    {
        var list = new List<AttachedPolicy>();
        foreach (var a in f.Objects("AttachedManagedPolicies"))
        {
            var arn = a.RequiredString("PolicyArn");
            if (arn is null)
            {
                continue;
            }

            list.Add(new AttachedPolicy(a.OptionalString("PolicyName") ?? arn[(arn.LastIndexOf('/') + 1)..], arn));
            _attachedArns.TryAdd(arn, $"{a.Path}.PolicyArn");
        }

        return list;
    }

    private string? Boundary(JsonFields f)
    {
        var boundary = f.Object("PermissionsBoundary");
        var arn = boundary?.OptionalString("PermissionsBoundaryArn");
        if (arn is not null)
        {
            _attachedArns.TryAdd(arn, $"{boundary!.Value.Path}.PermissionsBoundaryArn");
        }

        return arn;
    }

    /// <summary>Documents that Crossgate's parser refuses are still imported as they are (AWS accepted them), but
    /// named, because the engine will refuse to evaluate them.</summary>
    private void CheckDocument(string document, PolicyKind kind, string path)
    {
        var parsed = PolicyParser.Parse(document, kind);
        if (!parsed.Success)
        {
            report.Warning(file, path, $"imported, but Crossgate cannot evaluate it: {parsed.Errors[0].Message} (at {parsed.Errors[0].Path})");
        }
    }

    private void CheckArn(JsonFields f, string expected)
    {
        var arn = f.OptionalString("Arn");
        if (arn is not null && arn != expected)
        {
            report.Warning(file, $"{f.Path}.Arn", $"ARN {arn} does not match the account, path and name (expected {expected})");
        }
    }

    private static string? FindAccount(JsonElement root)
    {
        foreach (var list in new[] { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" })
        {
            if (!root.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("Arn", out var arn) && arn.ValueKind == JsonValueKind.String
                    && IamArns.TryParseIam(arn.GetString()!, out var parts) && Validation.IamNames.IsAccountId(parts.Account))
                {
                    return parts.Account;
                }
            }
        }

        return null;
    }
}
