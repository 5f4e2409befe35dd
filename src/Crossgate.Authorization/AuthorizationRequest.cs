using System.Collections.Frozen;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Authorization;

/// <summary>One request to authorize: who, what action, on which resource, and the request's own context.
/// Immutable once built; the condition-key context is derived once and reused for every evaluation.</summary>
public sealed class AuthorizationRequest
{
    private static readonly FrozenDictionary<string, string> NoTags = FrozenDictionary<string, string>.Empty;

    private RequestContext? _context;
    private string? _resourceAccount;

    public required RequestPrincipal Principal { get; init; }

    /// <summary><c>service:Action</c>, e.g. <c>sts:AssumeRole</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The resource ARN, or <c>*</c> for actions that name no resource.</summary>
    public string Resource { get; init; } = "*";

    /// <summary>The resource's owner; taken from the ARN when not given, and the caller's account when the ARN
    /// names none (S3 buckets, <c>*</c>).</summary>
    public string? ResourceAccount { get; init; }

    public IReadOnlyDictionary<string, string> ResourceTags { get; init; } = NoTags;

    public string? ResourceOrgId { get; init; }

    public IReadOnlyList<string> ResourceOrgPaths { get; init; } = [];

    /// <summary>Tags the request itself carries (<c>aws:RequestTag/*</c>, <c>aws:TagKeys</c>).</summary>
    public IReadOnlyDictionary<string, string>? RequestTags { get; init; }

    /// <summary>Keys the caller supplies (network facts, service keys, <c>sts:ExternalId</c>, …). Keys the engine
    /// derives from the principal, the resource and the time override these.</summary>
    public ContextKeys? Context { get; init; }

    /// <summary>The keys of the resource side and the time, built once by <see cref="RequestContextBuilder.SharedResourceKeys"/>
    /// from a request with the same resource account, organization, tags, action service and time, and shared by
    /// many requests (an analysis deciding thousands of callers against the roles of one account). Null: derived
    /// for this request alone.</summary>
    public ContextKeys? SharedResourceKeys { get; init; }

    /// <summary>The moment of the request; now when not given.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>For <c>sts:AssumeRole</c>: the parameters that become <c>sts:*</c> keys.</summary>
    public string? ExternalId { get; init; }

    public string? RoleSessionName { get; init; }

    public string? RequestedSourceIdentity { get; init; }

    public IReadOnlyList<string>? TransitiveTagKeys { get; init; }

    /// <summary>The account that owns the resource, as the engine uses it.</summary>
    public string EffectiveResourceAccount => _resourceAccount ??= ResourceAccount ?? ResourceAccountFromArn() ?? Principal.AccountId;

    /// <summary>True when caller and resource belong to different accounts (anonymous callers always do).</summary>
    public bool IsCrossAccount =>
        Principal.AccountId.Length == 0 || !string.Equals(Principal.AccountId, EffectiveResourceAccount, StringComparison.Ordinal);

    /// <summary>The evaluation context: action, resource, caller and every condition key. Built on first use.</summary>
    public RequestContext EvaluationContext
    {
        get
        {
            var context = Volatile.Read(ref _context);
            if (context is not null)
            {
                return context;
            }

            Interlocked.CompareExchange(ref _context, RequestContextBuilder.Build(this), null);
            return _context!;
        }
    }

    /// <summary>The same request on another resource and/or with other caller-supplied keys (for what-if questions:
    /// which covered resource, which missing key values, would change the answer).</summary>
    public AuthorizationRequest With(string? resource = null, ContextKeys? context = null) => new()
    {
        Principal = Principal,
        Action = Action,
        Resource = resource ?? Resource,
        ResourceAccount = ResourceAccount,
        ResourceTags = ResourceTags,
        ResourceOrgId = ResourceOrgId,
        ResourceOrgPaths = ResourceOrgPaths,
        RequestTags = RequestTags,
        Context = context ?? Context,
        Time = Time,
        SharedResourceKeys = resource is null ? SharedResourceKeys : null,
        ExternalId = ExternalId,
        RoleSessionName = RoleSessionName,
        RequestedSourceIdentity = RequestedSourceIdentity,
        TransitiveTagKeys = TransitiveTagKeys,
    };

    private string? ResourceAccountFromArn()
    {
        if (!Arn.TrySplit(Resource, out var ranges))
        {
            return null;
        }

        // AWS managed policies live under the pseudo-account "aws", which owns nothing a caller crosses into.
        var account = Resource.AsSpan()[ranges.Account];
        return account.IsEmpty || account is "aws" ? null : account.ToString();
    }
}
