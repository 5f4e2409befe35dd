using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Tests.Support;

/// <summary>A readable way to set up one request and its policies in a test.</summary>
public sealed class Case
{
    private readonly List<CompiledPolicy> _identity = [];
    private readonly List<CompiledPolicy> _session = [];
    private readonly List<ImmutableArray<CompiledPolicy>> _scps = [];
    private readonly List<ImmutableArray<CompiledPolicy>> _rcps = [];
    private readonly Dictionary<string, string> _resourceTags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _principalTags = new(StringComparer.OrdinalIgnoreCase);
    private readonly ContextKeys _context = new();
    private CompiledPolicy? _resourcePolicy;
    private CompiledPolicy? _boundary;
    private RequestPrincipal _principal;
    private string _action = "s3:GetObject";
    private string _resource = "*";
    private string? _externalId;
    private string? _principalOrgId;
    private string? _resourceOrgId;
    private string? _resourceAccount;
    private bool _temporary;
    private bool _mfa;
    private bool _serviceLinked;

    private Case(RequestPrincipal principal) => _principal = principal;

    public static Case As(string principalArn)
    {
        if (!PrincipalArnReader.TryRead(principalArn, out var principal, out var error, principalArn.Contains(":role/") ? "s1" : null))
        {
            throw new ArgumentException(error);
        }

        return new Case(principal);
    }

    public Case Does(string action)
    {
        _action = action;
        return this;
    }

    public Case On(string resource)
    {
        _resource = resource;
        return this;
    }

    public Case Identity(string json, string? name = null)
    {
        _identity.Add(Compile(json, PolicyKind.Identity, name ?? $"identity{_identity.Count}"));
        return this;
    }

    public Case ResourcePolicy(string json, string name = "resource-policy")
    {
        _resourcePolicy = Compile(json, PolicyKind.Resource, name);
        return this;
    }

    public Case Trust(string json, string name = "trust-policy")
    {
        _resourcePolicy = Compile(json, PolicyKind.Trust, name);
        return this;
    }

    public Case Boundary(string json)
    {
        _boundary = Compile(json, PolicyKind.PermissionsBoundary, "boundary");
        return this;
    }

    public Case Session(string json)
    {
        _session.Add(Compile(json, PolicyKind.Session, $"session{_session.Count}"));
        return this;
    }

    /// <summary>One SCP level holding one policy under the given name (an ARN, as the directory names SCPs).</summary>
    public Case NamedScpLevel(string name, string json)
    {
        _scps.Add([Compile(json, PolicyKind.ServiceControl, name)]);
        return this;
    }

    public Case NamedRcpLevel(string name, string json)
    {
        _rcps.Add([Compile(json, PolicyKind.ResourceControl, name)]);
        return this;
    }

    public Case NamedBoundary(string name, string json)
    {
        _boundary = Compile(json, PolicyKind.PermissionsBoundary, name);
        return this;
    }

    public Case OwnedBy(string account)
    {
        _resourceAccount = account;
        return this;
    }

    public Case ResourceInOrganization(string orgId)
    {
        _resourceOrgId = orgId;
        return this;
    }

    /// <summary>One SCP level (root, an OU, the account); call once per level from the root down.</summary>
    public Case ScpLevel(params string[] jsons)
    {
        _scps.Add([.. jsons.Select((j, i) => Compile(j, PolicyKind.ServiceControl, $"scp{_scps.Count}-{i}"))]);
        return this;
    }

    public Case RcpLevel(params string[] jsons)
    {
        _rcps.Add([.. jsons.Select((j, i) => Compile(j, PolicyKind.ResourceControl, $"rcp{_rcps.Count}-{i}"))]);
        return this;
    }

    public Case ExternalId(string value)
    {
        _externalId = value;
        return this;
    }

    public Case Context(string key, string value)
    {
        _context.Set(key, value);
        return this;
    }

    public Case ContextMulti(string key, params string[] values)
    {
        _context.SetMulti(key, values);
        return this;
    }

    public Case ResourceTag(string key, string value)
    {
        _resourceTags[key] = value;
        return this;
    }

    public Case PrincipalTag(string key, string value)
    {
        _principalTags[key] = value;
        return this;
    }

    public Case InOrganization(string orgId)
    {
        _principalOrgId = orgId;
        return this;
    }

    public Case WithTemporaryCredentials(bool mfa)
    {
        _temporary = true;
        _mfa = mfa;
        return this;
    }

    public Case ServiceLinked()
    {
        _serviceLinked = true;
        return this;
    }

    public AuthorizationRequest Request() => new()
    {
        Principal = new RequestPrincipal
        {
            Kind = _principal.Kind,
            Arn = _principal.Arn,
            AccountId = _principal.AccountId,
            UserName = _principal.UserName,
            RoleArn = _principal.RoleArn,
            SessionName = _principal.SessionName,
            ServiceName = _principal.ServiceName,
            UniqueId = _principal.Kind == PrincipalKind.User ? "AIDAEXAMPLEUSERID0001" : _principal.Kind == PrincipalKind.AssumedRole ? "AROAEXAMPLEROLEID0001" : null,
            Tags = _principalTags,
            OrgId = _principalOrgId,
            UsesTemporaryCredentials = _temporary || _principal.UsesTemporaryCredentials,
            MultiFactorAuthenticated = _mfa,
            IsServiceLinkedRole = _serviceLinked || _principal.IsServiceLinkedRole,
        },
        Action = _action,
        Resource = _resource,
        ResourceTags = _resourceTags,
        ResourceOrgId = _resourceOrgId,
        ResourceAccount = _resourceAccount,
        Context = _context,
        ExternalId = _externalId,
        Time = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };

    public PolicySet Policies() => new()
    {
        IdentityPolicies = [.. _identity],
        ResourcePolicy = _resourcePolicy,
        PermissionsBoundary = _boundary,
        SessionPolicies = [.. _session],
        ServiceControlPolicies = [.. _scps],
        ResourceControlPolicies = [.. _rcps],
    };

    public Decision Authorize(EvaluationMode mode = EvaluationMode.LiveAws)
    {
        var request = Request();
        var policies = Policies();
        var decision = Authorizer.Authorize(request, policies, mode);

        // The fast path must always agree with the explained one.
        var summary = Authorizer.Decide(request, policies, mode);
        Assert.Equal(decision.Outcome, summary.Decision);
        Assert.Equal(decision.DecidingLayer, summary.DecidingLayer);
        return decision;
    }

    public static CompiledPolicy Compile(string json, PolicyKind kind, string name)
    {
        var parsed = PolicyParser.Parse(json, kind);
        Assert.True(parsed.Success, $"test policy refused: {string.Join("; ", parsed.Errors)}");
        return CompiledPolicy.Compile(parsed.Document!, name);
    }
}
