using System.Text.Json;
using System.Text.RegularExpressions;
using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Import;

/// <summary>Collects the outputs of <c>aws organizations</c> commands and turns them into one organization. Commands
/// whose output does not name what they were asked about (the parent of <c>list-organizational-units-for-parent</c>,
/// the policy of <c>list-targets-for-policy</c>) take it from a top-level <c>ParentId</c> / <c>PolicyId</c> member or
/// from the file name (e.g. <c>ous-for-parent-r-ab12.json</c>, <c>targets-p-abcd1234.json</c>).</summary>
internal sealed partial class OrganizationFiles(ImportReport report)
{
    private readonly Dictionary<string, AccountFacts> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrganizationalUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrganizationPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _attachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Parent, string File)> _parents = new(StringComparer.Ordinal);
    private readonly List<OrganizationRoot> _roots = [];
    private Organization? _organization;
    private string? _organizationFile;
    private bool _anyFile;

    public bool IsEmpty => !_anyFile;

    /// <summary>Reads one file if it is an Organizations output; false when it is not one.</summary>
    public bool TryRead(string file, JsonElement root)
    {
        var top = new JsonFields(root, file, "$", report);
        if (root.TryGetProperty("Organization", out _))
        {
            ReadOrganization(file, top.Object("Organization")!.Value);
        }
        else if (root.TryGetProperty("Roots", out _))
        {
            report.File(file, "organizations list-roots");
            foreach (var r in top.Objects("Roots"))
            {
                var id = r.RequiredString("Id");
                if (id is not null)
                {
                    _roots.Add(new OrganizationRoot
                    {
                        Id = id, OrganizationId = string.Empty, Arn = r.OptionalString("Arn") ?? string.Empty, Name = r.OptionalString("Name") ?? "Root",
                        PolicyTypes = r.Objects("PolicyTypes").Where(t => t.OptionalString("Status") == "ENABLED").Select(t => t.OptionalString("Type") ?? string.Empty).ToList(),
                    });
                }
            }
        }
        else if (root.TryGetProperty("OrganizationalUnits", out _))
        {
            var parent = Named(file, root, "ParentId", ParentPattern());
            report.File(file, "organizations list-organizational-units-for-parent" + (parent is null ? " (parent unknown)" : $" of {parent}"));
            if (parent is null)
            {
                report.Error(file, "$", "cannot tell the parent of these OUs: add a top-level \"ParentId\" or put the parent id in the file name; OUs skipped");
            }

            foreach (var u in top.Objects("OrganizationalUnits"))
            {
                var id = u.RequiredString("Id");
                if (id is not null && parent is not null)
                {
                    _units[id] = new OrganizationalUnit { Id = id, OrganizationId = string.Empty, Arn = u.OptionalString("Arn") ?? string.Empty, Name = u.OptionalString("Name") ?? id, ParentId = parent };
                }
            }
        }
        else if (root.TryGetProperty("Accounts", out _))
        {
            var parent = Named(file, root, "ParentId", ParentPattern());
            report.File(file, parent is null ? "organizations list-accounts" : $"organizations list-accounts-for-parent of {parent}");
            foreach (var a in top.Objects("Accounts"))
            {
                var id = a.RequiredString("Id");
                if (id is null)
                {
                    continue;
                }

                if (!Validation.IamNames.IsAccountId(id))
                {
                    report.Error(file, $"{a.Path}.Id", $"{id} is not a 12-digit account id; skipped");
                    continue;
                }

                _accounts[id] = new AccountFacts(a.OptionalString("Name") ?? id, a.OptionalString("Email"), ParseStatus(a.OptionalString("Status")),
                    a.OptionalString("Arn"), a.OptionalString("JoinedMethod"), a.OptionalDate("JoinedTimestamp"));
                if (parent is not null)
                {
                    _parents[id] = (parent, file);
                }
            }
        }
        else if (root.TryGetProperty("Children", out _))
        {
            var parent = Named(file, root, "ParentId", ParentPattern());
            report.File(file, "organizations list-children" + (parent is null ? " (parent unknown)" : $" of {parent}"));
            if (parent is null)
            {
                report.Error(file, "$", "cannot tell the parent of these children: add a top-level \"ParentId\" or put the parent id in the file name; skipped");
                return true;
            }

            foreach (var c in top.Objects("Children"))
            {
                if (c.RequiredString("Id") is { } id)
                {
                    _parents[id] = (parent, file);
                }
            }
        }
        else if (root.TryGetProperty("Policy", out _))
        {
            report.File(file, "organizations describe-policy");
            ReadPolicy(file, top.Object("Policy")!.Value);
        }
        else if (root.TryGetProperty("Policies", out var policies) && policies.ValueKind == JsonValueKind.Array
                 && policies.EnumerateArray().All(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("Type", out _)))
        {
            report.File(file, "organizations list-policies");
            foreach (var p in top.Objects("Policies"))
            {
                ReadSummary(p, content: null);
            }
        }
        else if (root.TryGetProperty("Targets", out _))
        {
            var policyId = Named(file, root, "PolicyId", PolicyPattern());
            report.File(file, "organizations list-targets-for-policy" + (policyId is null ? " (policy unknown)" : $" of {policyId}"));
            if (policyId is null)
            {
                report.Error(file, "$", "cannot tell the policy of these targets: add a top-level \"PolicyId\" or put the policy id in the file name; skipped");
                return true;
            }

            foreach (var t in top.Objects("Targets"))
            {
                if (t.RequiredString("TargetId") is { } target)
                {
                    Attach(target, policyId);
                }
            }
        }
        else
        {
            return false;
        }

        _anyFile = true;
        return true;
    }

    /// <summary>The change set for the whole organization; null when no describe-organization output was given.</summary>
    public async Task<ChangeSet?> BuildAsync(IDirectoryStore store, CancellationToken cancellationToken)
    {
        if (_organization is null)
        {
            report.Error("(organizations)", "$", "Organizations outputs were given without the output of describe-organization; they were not imported");
            return null;
        }

        var org = _organization;
        var file = _organizationFile!;
        if (_roots.Count == 0)
        {
            report.Error(file, "$", "no list-roots output: the root is unknown, so the organization was not imported");
            return null;
        }

        var rootId = _roots[0].Id;
        var noTargets = _attachments.Count == 0;
        if (noTargets)
        {
            report.Warning(file, "$", "no list-targets-for-policy output: assuming FullAWSAccess and RCPFullAWSAccess are attached everywhere, as AWS does by default");
        }

        EnsureAwsManaged(OrganizationPolicy.FullAwsAccessId, "FullAWSAccess", OrganizationPolicyType.ServiceControlPolicy, OrganizationsDirectory.FullAwsAccessContent);
        EnsureAwsManaged(OrganizationPolicy.RcpFullAwsAccessId, "RCPFullAWSAccess", OrganizationPolicyType.ResourceControlPolicy, OrganizationsDirectory.RcpFullAwsAccessContent);
        IReadOnlyList<string> AttachedTo(string target) =>
            noTargets ? [OrganizationPolicy.FullAwsAccessId, OrganizationPolicy.RcpFullAwsAccessId] : _attachments.GetValueOrDefault(target) ?? [];

        var changes = new ChangeSet().Upsert(EntityKinds.Organizations, org);
        foreach (var root in _roots)
        {
            changes.Upsert(EntityKinds.Roots, root with { OrganizationId = org.Id, AttachedPolicyIds = AttachedTo(root.Id) });
            report.Add("roots");
        }

        foreach (var policy in _policies.Values)
        {
            changes.Upsert(EntityKinds.OrganizationPolicies, policy with { OrganizationId = org.Id });
            report.Add(policy.Type == OrganizationPolicyType.ServiceControlPolicy ? "SCPs" : "RCPs");
        }

        foreach (var unit in _units.Values)
        {
            changes.Upsert(EntityKinds.OrganizationalUnits, unit with { OrganizationId = org.Id, AttachedPolicyIds = AttachedTo(unit.Id) });
            report.Add("organizational units");
        }

        if (!_accounts.ContainsKey(org.ManagementAccountId))
        {
            _accounts[org.ManagementAccountId] = new AccountFacts(org.ManagementAccountId, org.ManagementAccountEmail, AccountStatus.Active, null, null, null);
        }

        foreach (var (id, facts) in _accounts)
        {
            if (!_parents.TryGetValue(id, out var parent))
            {
                report.Warning(file, "$", $"the parent of account {id} is unknown (no list-accounts-for-parent or list-children output names it); placed under the root {rootId}");
                parent = (rootId, file);
            }

            var existing = (await store.GetAccountAsync(id, cancellationToken).ConfigureAwait(false))?.Value;
            changes.Upsert(EntityKinds.Accounts, new Account
            {
                Id = id, Name = facts.Name, Email = facts.Email, Status = facts.Status, OrganizationId = org.Id, ParentId = parent.Parent,
                Arn = facts.Arn ?? $"arn:aws:organizations::{org.ManagementAccountId}:account/{org.Id}/{id}", JoinedMethod = facts.JoinedMethod,
                JoinedTimestamp = facts.JoinedTimestamp, AttachedPolicyIds = AttachedTo(id), Tags = existing?.Tags ?? [],
                PasswordPolicy = existing?.PasswordPolicy, Alias = existing?.Alias,
            });
            report.Account(id);
            report.Add("accounts");
        }

        foreach (var (target, ids) in _attachments)
        {
            if (target != rootId && !_units.ContainsKey(target) && !_accounts.ContainsKey(target) && !_roots.Any(r => r.Id == target))
            {
                report.Error(file, "$", $"policies {string.Join(", ", ids)} are attached to {target}, which no other output describes; attachment skipped");
            }

            foreach (var id in ids.Where(id => !_policies.ContainsKey(id)))
            {
                report.Error(file, "$", $"policy {id} is attached to {target} but its content is unknown (no describe-policy output); it will not be evaluated");
            }
        }

        return changes;
    }

    private void ReadOrganization(string file, JsonFields f)
    {
        report.File(file, "organizations describe-organization");
        var id = f.RequiredString("Id");
        var management = f.OptionalString("MasterAccountId") ?? f.OptionalString("ManagementAccountId");
        if (id is null || management is null)
        {
            report.Error(file, f.Path, "the organization has no Id or MasterAccountId; not imported");
            return;
        }

        _organization = new Organization
        {
            Id = id, ManagementAccountId = management, ManagementAccountEmail = f.OptionalString("MasterAccountEmail") ?? f.OptionalString("ManagementAccountEmail"),
            FeatureSet = f.OptionalString("FeatureSet") ?? "ALL",
        };
        _organizationFile = file;
    }

    private void ReadPolicy(string file, JsonFields f)
    {
        var summary = f.Object("PolicySummary");
        var content = f.OptionalString("Content");
        if (summary is null || content is null)
        {
            report.Error(file, f.Path, "describe-policy output without PolicySummary or Content; skipped");
            return;
        }

        ReadSummary(summary.Value, content);
    }

    private void ReadSummary(JsonFields p, string? content)
    {
        var id = p.RequiredString("Id");
        var type = p.OptionalString("Type");
        if (id is null)
        {
            return;
        }

        if (!OrganizationPolicyTypeNames.TryParse(type, out var policyType))
        {
            report.Warning("(organizations)", $"{p.Path}.Type", $"policy {id} is of type {type}, which does not bear on authorization; skipped");
            return;
        }

        content ??= _policies.GetValueOrDefault(id)?.Content;
        content ??= id switch
        {
            OrganizationPolicy.FullAwsAccessId => OrganizationsDirectory.FullAwsAccessContent,
            OrganizationPolicy.RcpFullAwsAccessId => OrganizationsDirectory.RcpFullAwsAccessContent,
            _ => null,
        };
        if (content is null)
        {
            // Filled in if a describe-policy output for it comes later; reported in BuildAsync otherwise.
            return;
        }

        _policies[id] = new OrganizationPolicy
        {
            Id = id, OrganizationId = string.Empty, Name = p.OptionalString("Name") ?? id, Description = p.OptionalString("Description"), Type = policyType,
            AwsManaged = p.OptionalBool("AwsManaged") ?? false, Content = content, Arn = p.OptionalString("Arn") ?? string.Empty,
        };
    }

    private void EnsureAwsManaged(string id, string name, OrganizationPolicyType type, string content)
    {
        if (!_policies.ContainsKey(id))
        {
            _policies[id] = new OrganizationPolicy
            {
                Id = id, OrganizationId = string.Empty, Name = name, Type = type, AwsManaged = true, Content = content,
                Arn = $"arn:aws:organizations::aws:policy/{type.ToWireName().ToLowerInvariant()}/{id}",
            };
        }
    }

    private void Attach(string target, string policyId)
    {
        if (!_attachments.TryGetValue(target, out var list))
        {
            _attachments[target] = list = [];
        }

        if (!list.Contains(policyId))
        {
            list.Add(policyId);
        }
    }

    private static string? Named(string file, JsonElement root, string member, Regex pattern)
    {
        if (root.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        var match = pattern.Match(System.IO.Path.GetFileNameWithoutExtension(file));
        return match.Success ? match.Value : null;
    }

    private static AccountStatus ParseStatus(string? status) => status switch
    {
        "SUSPENDED" => AccountStatus.Suspended,
        "PENDING_CLOSURE" => AccountStatus.PendingClosure,
        _ => AccountStatus.Active,
    };

    [GeneratedRegex("(?<![A-Za-z0-9])(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})(?![A-Za-z0-9])")]
    private static partial Regex ParentPattern();

    [GeneratedRegex("(?<![A-Za-z0-9])p-[0-9a-zA-Z_]{8,128}")]
    private static partial Regex PolicyPattern();

    private sealed record AccountFacts(string Name, string? Email, AccountStatus Status, string? Arn, string? JoinedMethod, DateTimeOffset? JoinedTimestamp);
}
