using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;

namespace Crossgate.Analysis.Building;

/// <summary>Escalation edges: what a principal may do, inside its own account, that makes it another principal or
/// gives it full control of the account (the account's root node). The first technique that holds for a target wins.</summary>
internal sealed partial class GraphBuilder
{
    private static readonly ulong EscalationBits = ~AnalysisActions.Bit(AnalysisActions.AssumeRole);
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    internal GraphNode NodeAt(int index) => _nodes.Nodes[index];

    private void AddEscalationEdges(int p, EscalationContext context, List<AccessEdge> edges)
    {
        var mask = _masks[p];
        if ((mask & EscalationBits) == 0)
        {
            return;
        }

        var me = _principals[p];
        var from = _nodeOf[p];
        bool Has(string action) => (mask & AnalysisActions.Bit(action)) != 0;
        var account = Account(me.AccountId);
        EdgeEvidence? Allowed(string action, string resource, IReadOnlyDictionary<string, string>? tags = null, (string, string)? extra = null) =>
            _decider.Decide(_callers[p], action, new ResourceSide
            {
                Arn = resource, AccountId = me.AccountId, Tags = tags ?? NoTags, OrganizationId = account.OrganizationId, OrganizationPaths = account.OrganizationPaths,
            }, extra);

        if (Has(AnalysisActions.AllIam) && Allowed(AnalysisActions.AllIam, "*") is not null)
        {
            context.Administrators.Add(from);
        }

        var done = new HashSet<int>();
        void Emit(int to, string action, string? technique, params EdgeEvidence?[] parts)
        {
            if (done.Add(to))
            {
                var merged = Merge(parts)!;
                edges.Add(new AccessEdge(from, to, EdgeKind.Escalation, action, technique, merged.Requires, merged.Statements));
            }
        }

        var neighbours = _principalsByAccount[me.AccountId];
        foreach (var q in neighbours)
        {
            if (q == p)
            {
                continue;
            }

            var target = _principals[q];
            var to = _nodeOf[q];
            if (!target.IsRole)
            {
                if (Has("iam:CreateAccessKey") && Allowed("iam:CreateAccessKey", target.Arn, target.Tags) is { } key)
                {
                    if (target.AccessKeyCount < 2)
                    {
                        Emit(to, "iam:CreateAccessKey", "iam-002", key);
                    }
                    else if (Has("iam:DeleteAccessKey") && Allowed("iam:DeleteAccessKey", target.Arn, target.Tags) is { } delete)
                    {
                        Emit(to, "iam:CreateAccessKey", "iam-003", key, delete);
                    }
                }

                if (!done.Contains(to) && !target.HasLoginProfile && Has("iam:CreateLoginProfile") && Allowed("iam:CreateLoginProfile", target.Arn, target.Tags) is { } create)
                {
                    Emit(to, "iam:CreateLoginProfile", "iam-004", create);
                }

                if (!done.Contains(to) && target.HasLoginProfile && Has("iam:UpdateLoginProfile") && Allowed("iam:UpdateLoginProfile", target.Arn, target.Tags) is { } update)
                {
                    Emit(to, "iam:UpdateLoginProfile", "iam-006", update);
                }

                continue;
            }

            if (Has("iam:UpdateAssumeRolePolicy") && Allowed("iam:UpdateAssumeRolePolicy", target.Arn, target.Tags) is { } trust)
            {
                Emit(to, "iam:UpdateAssumeRolePolicy", "iam-012", trust);
                continue;
            }

            AddPassRoleEdge(p, q, context, Allowed, Emit);
        }

        AddAccountControlEdge(p, context, Has, Allowed, Emit);
    }

    private void AddPassRoleEdge(
        int p, int q, EscalationContext context,
        Func<string, string, IReadOnlyDictionary<string, string>?, (string, string)?, EdgeEvidence?> allowed,
        Action<int, string, string?, EdgeEvidence?[]> emit)
    {
        var mask = _masks[p];
        var me = _principals[p];
        var role = _principals[q];
        var to = _nodeOf[q];
        foreach (var technique in PassRoleTechnique.All)
        {
            if ((mask & technique.Mask) != technique.Mask || (technique.NeedsInstanceProfile && role.InstanceProfiles.Count == 0)
                || context.ServiceCanAssume(to, technique.Service) is not { } serviceRequires)
            {
                continue;
            }

            var parts = new EdgeEvidence?[technique.Actions.Length + 2];
            parts[0] = allowed(AnalysisActions.PassRole, role.Arn, role.Tags, (SettledKeys.PassedToService, technique.Service));
            parts[1] = new EdgeEvidence(serviceRequires, []);
            for (var i = 0; i < technique.Actions.Length && parts[0] is not null; i++)
            {
                parts[i + 2] = allowed(technique.Actions[i], AnalysisActions.RepresentativeResource(technique.Actions[i], me.AccountId), null, null);
            }

            if (Merge(parts) is not null)
            {
                emit(to, AnalysisActions.PassRole, technique.Id, parts);
                return;
            }
        }

        // An instance already running with the role's profile: commands sent to it run as the role.
        if (role.InstanceProfiles.Count > 0 && context.ServiceCanAssume(to, "ec2.amazonaws.com") is { } ec2)
        {
            foreach (var (action, id) in new[] { ("ssm:SendCommand", "ssm-002"), ("ssm:StartSession", "ssm-001") })
            {
                if ((mask & AnalysisActions.Bit(action)) != 0 && allowed(action, AnalysisActions.RepresentativeResource(action, me.AccountId), null, null) is { } command)
                {
                    var instance = new EdgeEvidence([$"an EC2 instance runs with instance profile {role.InstanceProfiles[0]} and the SSM agent", .. ec2], []);
                    emit(to, action, id, [command, instance]);
                    return;
                }
            }
        }
    }

    /// <summary>Full control of the account: changing its own permissions, its group's or its policy's, or those of a
    /// principal it can then use.</summary>
    private void AddAccountControlEdge(
        int p, EscalationContext context, Func<string, bool> has,
        Func<string, string, IReadOnlyDictionary<string, string>?, (string, string)?, EdgeEvidence?> allowed,
        Action<int, string, string?, EdgeEvidence?[]> emit)
    {
        var me = _principals[p];
        var rootIndex = -1;
        int Root() => rootIndex >= 0 ? rootIndex
            : rootIndex = _nodes.GetOrAdd($"arn:aws:iam::{me.AccountId}:root", NodeKind.AccountRoot, me.AccountId, Account(me.AccountId).OrganizationId, true).Index;
        bool Try(string action, string resource, string id, IReadOnlyDictionary<string, string>? tags = null)
        {
            if (has(action) && allowed(action, resource, tags, null) is { } evidence)
            {
                emit(Root(), action, id, [evidence]);
                return true;
            }

            return false;
        }

        bool TryPair(string first, string second, string resource, string id, IReadOnlyDictionary<string, string>? tags = null)
        {
            if (has(first) && has(second) && allowed(first, resource, tags, null) is { } a && allowed(second, resource, tags, null) is { } b)
            {
                emit(Root(), first, id, [a, b]);
                return true;
            }

            return false;
        }

        if (me.IsRole ? Try("iam:PutRolePolicy", me.Arn, "iam-005", me.Tags) || Try("iam:AttachRolePolicy", me.Arn, "iam-009", me.Tags)
                      : Try("iam:PutUserPolicy", me.Arn, "iam-007", me.Tags) || Try("iam:AttachUserPolicy", me.Arn, "iam-008", me.Tags))
        {
            return;
        }

        foreach (var group in me.GroupArns)
        {
            if (Try("iam:PutGroupPolicy", group, "iam-011") || Try("iam:AttachGroupPolicy", group, "iam-010"))
            {
                return;
            }
        }

        foreach (var policy in me.CustomerManagedPolicyArns)
        {
            if (Try("iam:CreatePolicyVersion", policy, "iam-001"))
            {
                return;
            }
        }

        if (!me.IsRole && has("iam:AddUserToGroup"))
        {
            foreach (var group in AdministratorGroups(me.AccountId))
            {
                if (!me.GroupArns.Contains(group) && Try("iam:AddUserToGroup", group, "iam-013"))
                {
                    return;
                }
            }
        }

        var from = _nodeOf[p];
        foreach (var q in _principalsByAccount[me.AccountId])
        {
            var other = _principals[q];
            if (q == p)
            {
                continue;
            }

            if (other.IsRole)
            {
                if (context.CanAssume(from, _nodeOf[q])
                    && (Try("iam:AttachRolePolicy", other.Arn, "iam-014", other.Tags) || Try("iam:PutRolePolicy", other.Arn, "iam-017", other.Tags)
                        || other.CustomerManagedPolicyArns.Any(policy => Try("iam:CreatePolicyVersion", policy, "iam-016"))))
                {
                    return;
                }

                if (TryPair("iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy", other.Arn, "iam-019", other.Tags)
                    || TryPair("iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", other.Arn, "iam-021", other.Tags))
                {
                    return;
                }

                if (has("iam:CreatePolicyVersion") && has("iam:UpdateAssumeRolePolicy") && allowed("iam:UpdateAssumeRolePolicy", other.Arn, other.Tags, null) is { } trust)
                {
                    foreach (var policy in other.CustomerManagedPolicyArns)
                    {
                        if (allowed("iam:CreatePolicyVersion", policy, null, null) is { } version)
                        {
                            emit(Root(), "iam:CreatePolicyVersion", "iam-020", [version, trust]);
                            return;
                        }
                    }
                }
            }
            else if (TryPair("iam:AttachUserPolicy", "iam:CreateAccessKey", other.Arn, "iam-015", other.Tags)
                     || TryPair("iam:PutUserPolicy", "iam:CreateAccessKey", other.Arn, "iam-018", other.Tags))
            {
                return;
            }
        }

        foreach (var policy in me.CustomerManagedPolicyArns)
        {
            if (has("iam:SetDefaultPolicyVersion") && allowed("iam:SetDefaultPolicyVersion", policy, null, null) is { } evidence)
            {
                emit(Root(), "iam:SetDefaultPolicyVersion", null, [evidence, new EdgeEvidence([$"an older version of {policy} grants more than its default version"], [])]);
                return;
            }
        }
    }

    /// <summary>Groups whose policies alone make a member an administrator (decided by the engine as for any member).</summary>
    private IEnumerable<string> AdministratorGroups(string accountId)
    {
        var account = Account(accountId);
        foreach (var group in _snapshot.Groups)
        {
            if (group.AccountId != accountId)
            {
                continue;
            }

            var member = new CallerSide
            {
                Principal = new Crossgate.Authorization.RequestPrincipal { Kind = Crossgate.Policies.Evaluation.PrincipalKind.User, Arn = $"arn:aws:iam::{accountId}:user/member-of-{group.Name}", AccountId = accountId },
                Exposure = Exposure.InStore, IdentityPolicies = group.Policies, ServiceControlPolicies = account.ServiceControlPolicies,
            };
            if (_decider.Decide(member, AnalysisActions.AllIam, new ResourceSide { Arn = "*", AccountId = accountId }) is not null)
            {
                yield return group.Arn;
            }
        }
    }

    /// <summary>All parts or nothing: the union of their requirements and statements.</summary>
    private static EdgeEvidence? Merge(EdgeEvidence?[] parts)
    {
        if (parts.Length == 1)
        {
            return parts[0];
        }

        var requires = new List<string>();
        var statements = new List<StatementReference>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            foreach (var text in part.Requires)
            {
                if (!requires.Contains(text))
                {
                    requires.Add(text);
                }
            }

            foreach (var statement in part.Statements)
            {
                if (!statements.Contains(statement))
                {
                    statements.Add(statement);
                }
            }
        }

        return new EdgeEvidence(requires, statements);
    }
}
