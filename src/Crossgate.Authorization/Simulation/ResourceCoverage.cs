using System.Collections.Immutable;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Authorization.Simulation;

/// <summary><c>--resource-match any</c>: a request resource holding wildcards (<c>arn:aws:s3:::bucket/*</c>,
/// <c>*</c>) is read as every resource it covers. For each Resource pattern of an applicable Allow statement that
/// overlaps the request, a resource in both is made up and decided by the engine; the request is allowed when one
/// is, and the answer lists the patterns whose resources were allowed.</summary>
internal static class ResourceCoverage
{
    public static bool Applies(string resource) => Wildcard.HasWildcard(resource);

    public static (Decision Decision, ResourceMatchResult Result) Decide(AuthorizationRequest request, PolicySet policies, EvaluationMode mode)
    {
        string? allowed = null;
        Decision? allowedDecision = null;
        var patterns = ImmutableArray.CreateBuilder<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal);

        // The request's own text with its wildcards filled in covers the case where no pattern names it (NotResource,
        // a grant on "*").
        foreach (var candidate in Candidates(request, policies))
        {
            if (GlobIntersection.Witness(request.Resource, candidate.Pattern) is not { } witness || !tried.Add(witness + "\n" + candidate.Pattern))
            {
                continue;
            }

            var decision = Authorizer.Authorize(request.With(resource: witness), policies, mode);
            if (!decision.IsAllowed)
            {
                continue;
            }

            allowed ??= witness;
            allowedDecision ??= decision;
            if (candidate.FromPolicy && !patterns.Contains(candidate.Pattern))
            {
                patterns.Add(candidate.Pattern);
            }
        }

        var literal = Authorizer.Authorize(request, policies, mode);
        return (allowedDecision ?? literal, new ResourceMatchResult(allowed, patterns.ToImmutable()));
    }

    private static IEnumerable<(string Pattern, bool FromPolicy)> Candidates(AuthorizationRequest request, PolicySet policies)
    {
        foreach (var policy in AllPolicies(policies))
        {
            foreach (var statement in policy.Statements)
            {
                var source = statement.Source;
                if (statement.Effect != Effect.Allow || source.IsNotResource || !statement.MatchesAction(request.Action))
                {
                    continue;
                }

                foreach (var pattern in source.Resources)
                {
                    // A pattern with a policy variable names resources only once substituted; it is skipped here.
                    if (!pattern.Contains("${", StringComparison.Ordinal))
                    {
                        yield return (pattern, true);
                    }
                }
            }
        }

        yield return (request.Resource, false);
    }

    private static IEnumerable<CompiledPolicy> AllPolicies(PolicySet policies)
    {
        foreach (var policy in policies.IdentityPolicies)
        {
            yield return policy;
        }

        if (policies.ResourcePolicy is { } resource)
        {
            yield return resource;
        }
    }
}
