using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> SimulationActions() =>
    [
        ("SimulatePrincipalPolicy", Handler((r, ct) => SimulateAsync(r, principal: true, ct))),
        ("SimulateCustomPolicy", Handler((r, ct) => SimulateAsync(r, principal: false, ct))),
    ];

    /// <summary>Who is simulated and where each of its policies came from (IAM's <c>SourcePolicyId</c> and
    /// <c>SourcePolicyType</c>), keyed by the name the compiled policy carries.</summary>
    private sealed record SimulatedCaller(CallerContext Context, Dictionary<string, (string Id, string Type)> Sources);

    private static readonly string[] ContextKeyTypes =
        ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"];

    /// <summary>SimulatePrincipalPolicy (the policies of a user, group or role, plus any given) and
    /// SimulateCustomPolicy (only the given policies): every action on every resource, decided by the engine.</summary>
    private async Task<QueryResponse> SimulateAsync(QueryRequest request, bool principal, CancellationToken ct)
    {
        var p = request.Parameters;
        var actions = p.List("ActionNames");
        var inputs = p.List("PolicyInputList");
        var sourceArn = p.Get("PolicySourceArn");
        var validation = new Validation.ParameterValidation();
        if (principal)
        {
            validation.Required("policySourceArn", sourceArn);
        }
        else if (inputs.Count == 0)
        {
            validation.Required("policyInputList", null);
        }

        if (actions.Count == 0)
        {
            validation.Required("actionNames", null);
        }

        var entries = p.StructList("ContextEntries");
        foreach (var entry in entries)
        {
            if (entry.Get("ContextKeyType") is { } type && !ContextKeyTypes.Contains(type))
            {
                validation.Fail("contextEntries.member.contextKeyType", type, $"Member must satisfy enum value set: [{string.Join(", ", ContextKeyTypes)}]");
            }
        }

        if (validation.Message is { } invalid)
        {
            return QueryErrors.ValidationError(invalid);
        }

        var account = AccountOf(request);
        var action = principal ? "iam:SimulatePrincipalPolicy" : "iam:SimulateCustomPolicy";
        if (await DeniedAsync(request, action, principal ? sourceArn! : "*", ct) is { } denied)
        {
            return denied;
        }

        var given = CompileInputs(inputs, "PolicyInputList", PolicyKind.Identity, out var inputError);
        var givenBoundary = CompileInputs(p.List("PermissionsBoundaryPolicyInputList"), "PermissionsBoundaryPolicyInputList", PolicyKind.PermissionsBoundary, out var boundaryError);
        var resourcePolicy = p.Get("ResourcePolicy") is { } resourceText ? CompileResourcePolicy(resourceText, out inputError) : [];
        if ((inputError ?? boundaryError) is { } malformed)
        {
            return Fail(malformed);
        }

        var callerArn = p.Get("CallerArn");
        var simulated = principal
            ? await PrincipalOfSourceAsync(sourceArn!, callerArn, ct)
            : await CustomCallerAsync(account, callerArn, ct);
        if (!simulated.Success)
        {
            return Fail(simulated.Error);
        }

        var caller = simulated.Value!;
        if (principal && callerArn is not null && !sourceArn!.Contains(":group/", StringComparison.Ordinal))
        {
            // "As if Bob had David's policies": CallerArn is who calls, PolicySourceArn whose policies apply.
            var who = await services.Gatherer.ForPrincipalArnAsync(callerArn, ct);
            if (!who.Success)
            {
                return Fail(who.Error);
            }

            caller = caller with { Context = caller.Context with { Principal = who.Value!.Principal } };
        }

        foreach (var (input, index) in given.Select((x, i) => (x, i)))
        {
            caller.Sources[input.Name!] = ($"PolicyInputList.{index + 1}", "none");
        }

        if (givenBoundary.Length > 0)
        {
            caller.Sources[givenBoundary[0].Name!] = ("PermissionsBoundaryPolicyInputList.1", "none");
        }

        var context = new ContextKeys();
        foreach (var entry in entries)
        {
            if (entry.Get("ContextKeyName") is not { } key)
            {
                continue;
            }

            var values = entry.List("ContextKeyValues").ToArray();
            var multi = entry.Get("ContextKeyType")?.EndsWith("List", StringComparison.Ordinal) == true || values.Length > 1;
            context.Set(key, multi ? ContextValue.Multi(values) : ContextValue.Single(values.FirstOrDefault() ?? string.Empty));
        }

        var resources = p.List("ResourceArns") is { Count: > 0 } listed ? listed : ["*"];
        var resourceOwner = p.Get("ResourceOwner") is { } owner && IamArns.TryParseIam(owner, out var ownerParts) ? ownerParts.Account : null;
        var results = new List<(string Action, string Resource, Decision Decision, bool HasScps, bool HasBoundary)>();
        var now = services.Time.GetUtcNow();
        foreach (var actionName in actions)
        {
            foreach (var resource in resources)
            {
                var side = await services.Gatherer.ForResourceAsync(resource, resourceOwner ?? account, cancellationToken: ct);
                if (!side.Success)
                {
                    return Fail(side.Error);
                }

                var gathered = new GatheredRequest(caller.Context, side.Value!);
                var policies = new PolicySet
                {
                    IdentityPolicies = caller.Context.IdentityPolicies.AddRange(given),
                    PermissionsBoundary = givenBoundary.Length > 0 ? givenBoundary[0] : caller.Context.PermissionsBoundary,
                    SessionPolicies = caller.Context.SessionPolicies,
                    ServiceControlPolicies = caller.Context.ServiceControlPolicies,
                    ResourcePolicy = resourcePolicy.Length > 0 ? resourcePolicy[0] : null,
                    ResourceControlPolicies = side.Value!.ResourceControlPolicies,
                };
                // IAM's policy simulator, not live enforcement: only the given policies count (no trust policy unless
                // passed as ResourcePolicy, no resource policy needed across accounts) and ResourceArns "*" is literal.
                var decision = Authorizer.Authorize(gathered.Request(actionName, context, now), policies, EvaluationMode.PolicySimulator);
                results.Add((actionName, resource, decision, !policies.ServiceControlPolicies.IsDefaultOrEmpty, policies.PermissionsBoundary is not null));
            }
        }

        if (PageOf(results, p, out var page, out var next) is { } badPage)
        {
            return badPage;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("EvaluationResults", page, (m, r) => EvaluationResult(m, r.Action, r.Resource, r.Decision, r.HasScps, r.HasBoundary, caller.Sources));
            Truncation(w, next is not null, next);
        });
    }

    private static void EvaluationResult(XmlResultWriter w, string action, string resource, Decision decision, bool hasScps, bool hasBoundary,
        Dictionary<string, (string Id, string Type)> sources)
    {
        w.Element("EvalActionName", action)
            .Element("EvalResourceName", resource)
            .Element("EvalDecision", decision.Outcome.ToWireName());
        w.List("MatchedStatements", decision.MatchedStatements, (m, s) =>
        {
            var (id, type) = s.Layer == PolicyLayer.Resource
                ? ("ResourcePolicy", "resource")
                : s.PolicyName is { } name && sources.TryGetValue(name, out var source) ? source : (s.PolicyName ?? string.Empty, "none");
            m.Element("SourcePolicyId", id).Element("SourcePolicyType", type);
        });
        w.List("MissingContextValues", decision.MissingContextKeys);
        if (hasScps)
        {
            w.Struct("OrganizationsDecisionDetail", o => o.Element("AllowedByOrganizations",
                decision.OutcomeOf(PolicyLayer.ServiceControl) is LayerOutcome.Allowed or LayerOutcome.NotApplicable));
        }

        if (hasBoundary)
        {
            w.Struct("PermissionsBoundaryDecisionDetail", b => b.Element("AllowedByPermissionsBoundary",
                decision.OutcomeOf(PolicyLayer.PermissionsBoundary) == LayerOutcome.Allowed));
        }
    }

    /// <summary>The simulation's ResourcePolicy: a resource-based policy, or a role's trust policy (which has no
    /// Resource element) when simulating <c>sts:AssumeRole</c>.</summary>
    private static ImmutableArray<CompiledPolicy> CompileResourcePolicy(string document, out IamError? error)
    {
        var compiled = CompileInputs([document], "ResourcePolicy", PolicyKind.Resource, out error);
        if (error is not null && PolicyParser.Parse(document, PolicyKind.Trust).Success)
        {
            compiled = CompileInputs([document], "ResourcePolicy", PolicyKind.Trust, out error);
        }

        return compiled;
    }

    /// <summary>Parses the documents of a simulation input list; each compiled policy is named after its place
    /// (<c>PolicyInputList.1</c>, …).</summary>
    private static ImmutableArray<CompiledPolicy> CompileInputs(IReadOnlyList<string> documents, string listName, PolicyKind kind, out IamError? error)
    {
        error = null;
        var compiled = ImmutableArray.CreateBuilder<CompiledPolicy>();
        for (var i = 0; i < documents.Count; i++)
        {
            var parsed = PolicyParser.Parse(documents[i], kind);
            if (!parsed.Success)
            {
                error = IamError.MalformedPolicyDocument(parsed.Errors[0].Message);
                return [];
            }

            compiled.Add(CompiledPolicy.Compile(parsed.Document!, kind == PolicyKind.Resource ? listName : $"{listName}.{i + 1}"));
        }

        return compiled.ToImmutable();
    }

    /// <summary>The caller SimulatePrincipalPolicy evaluates: a user with its own and its groups' policies; a role
    /// as a session of that role; a group as a caller holding only the group's policies. Read through the directory
    /// view, as every authorization decision is (cached until the directory changes): the account check asks about one
    /// role many times over.</summary>
    private async Task<DirectoryResult<SimulatedCaller>> PrincipalOfSourceAsync(string sourceArn, string? callerArn, CancellationToken ct)
    {
        if (!IamArns.TryParseIam(sourceArn, out var parts) || parts.Type is not ("user" or "role" or "group"))
        {
            return IamError.InvalidInput($"Invalid ARN {sourceArn}: PolicySourceArn must be the ARN of an IAM user, group or role.");
        }

        var sources = new Dictionary<string, (string Id, string Type)>(StringComparer.Ordinal);
        switch (parts.Type)
        {
            case "user":
            {
                var user = await services.View.GetUserAsync(parts.Account, parts.Name, ct);
                if (user is null)
                {
                    return IamMessages.NoSuchUser(parts.Name);
                }

                foreach (var groupName in user.Value.Groups)
                {
                    if (await services.View.GetGroupAsync(parts.Account, groupName, ct) is { } group)
                    {
                        AddSources(sources, group.Value.InlinePolicies, group.Value.AttachedPolicies, "group");
                    }
                }

                AddSources(sources, user.Value.InlinePolicies, user.Value.AttachedPolicies, "user");
                AddBoundarySource(sources, user.Value.PermissionsBoundaryArn);
                var context = await services.Gatherer.ForUserAsync(parts.Account, user.Value.UserName, ct);
                return context.Success ? new SimulatedCaller(context.Value!, sources) : context.Error;
            }

            case "role":
            {
                var role = await services.View.GetRoleAsync(parts.Account, parts.Name, ct);
                if (role is null)
                {
                    return IamMessages.NoSuchRole(parts.Name);
                }

                AddSources(sources, role.Value.InlinePolicies, role.Value.AttachedPolicies, "role");
                AddBoundarySource(sources, role.Value.PermissionsBoundaryArn);
                var session = new StsSession
                {
                    AccountId = parts.Account, AccessKeyId = "ASIASIMULATEDSESSION", SecretAccessKey = string.Empty, SessionToken = string.Empty,
                    Kind = StsSessionKind.AssumedRole, RoleArn = role.Value.Arn, RoleId = role.Value.RoleId, SessionName = "SimulatePrincipalPolicy",
                    IssuedAt = services.Time.GetUtcNow(), Expiration = services.Time.GetUtcNow().AddHours(1),
                };
                var context = await services.Gatherer.ForSessionAsync(session, ct);
                return context.Success ? new SimulatedCaller(context.Value!, sources) : context.Error;
            }

            default:
            {
                var group = await services.View.GetGroupAsync(parts.Account, parts.Name, ct);
                if (group is null)
                {
                    return IamMessages.NoSuchGroup(parts.Name);
                }

                AddSources(sources, group.Value.InlinePolicies, group.Value.AttachedPolicies, "group");
                var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
                foreach (var inline in group.Value.InlinePolicies)
                {
                    if (Compile(inline.Document, inline.PolicyName) is not { } compiled)
                    {
                        return IamError.MalformedPolicyDocument($"The policy {inline.PolicyName} of group {group.Value.GroupName} cannot be parsed.");
                    }

                    policies.Add(compiled);
                }

                foreach (var attached in group.Value.AttachedPolicies)
                {
                    var managed = await services.Iam.FindPolicyAsync(attached.PolicyArn, ct);
                    if (managed?.Value.DefaultVersion is { } version && Compile(version.Document, attached.PolicyArn) is { } compiled)
                    {
                        policies.Add(compiled);
                    }
                }

                var caller = callerArn is not null ? await services.Gatherer.ForPrincipalArnAsync(callerArn, ct) : default;
                var who = caller.Success && caller.Value is not null
                    ? caller.Value.Principal
                    : new RequestPrincipal { Kind = PrincipalKind.User, Arn = group.Value.Arn, AccountId = parts.Account, UniqueId = group.Value.GroupId };
                return new SimulatedCaller(new CallerContext(who, policies.ToImmutable(), null, [], []), sources);
            }
        }
    }

    /// <summary>SimulateCustomPolicy's caller: the user named by <c>CallerArn</c>, or a user of the calling account,
    /// holding none of its stored policies (only the given ones count).</summary>
    private async Task<DirectoryResult<SimulatedCaller>> CustomCallerAsync(string account, string? callerArn, CancellationToken ct)
    {
        var sources = new Dictionary<string, (string Id, string Type)>(StringComparer.Ordinal);
        RequestPrincipal principal;
        if (callerArn is not null)
        {
            var caller = await services.Gatherer.ForPrincipalArnAsync(callerArn, ct);
            if (!caller.Success)
            {
                return caller.Error;
            }

            principal = caller.Value!.Principal;
        }
        else
        {
            // Without CallerArn no stored identity is involved; a plain user of the account stands in, so that the
            // root user's implicit rights do not colour the answer.
            principal = new RequestPrincipal { Kind = PrincipalKind.User, Arn = IamArns.User(account, "/", "SimulatedCaller"), AccountId = account, UserName = "SimulatedCaller" };
        }

        return new SimulatedCaller(new CallerContext(principal, [], null, [], []), sources);
    }

    private static CompiledPolicy? Compile(string document, string name)
    {
        var parsed = PolicyParser.Parse(document, PolicyKind.Identity);
        return parsed.Success ? CompiledPolicy.Compile(parsed.Document!, name) : null;
    }

    private static void AddSources(Dictionary<string, (string Id, string Type)> sources, IEnumerable<InlinePolicy> inline, IEnumerable<AttachedPolicy> attached, string type)
    {
        foreach (var policy in inline)
        {
            sources[policy.PolicyName] = (policy.PolicyName, type);
        }

        foreach (var policy in attached)
        {
            sources[policy.PolicyArn] = (policy.PolicyName, AwsManagedPolicies.IsAwsManagedArn(policy.PolicyArn) ? "aws-managed" : "user-managed");
        }
    }

    private static void AddBoundarySource(Dictionary<string, (string Id, string Type)> sources, string? arn)
    {
        if (arn is not null && IamArns.TryParseIam(arn, out var parts))
        {
            sources[arn] = (parts.Name, AwsManagedPolicies.IsAwsManagedArn(arn) ? "aws-managed" : "user-managed");
        }
    }
}
