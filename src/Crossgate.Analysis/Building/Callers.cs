using Crossgate.Analysis.Snapshot;

namespace Crossgate.Analysis.Building;

internal static class Callers
{
    /// <summary>A user or role of the store as the engine's caller (a role through a session), with its SCPs.</summary>
    public static CallerSide InStore(PrincipalFacts principal, AccountFacts account) => new()
    {
        Principal = principal.Caller, Exposure = Exposure.InStore, IdentityPolicies = principal.IdentityPolicies,
        PermissionsBoundary = principal.PermissionsBoundary,
        ServiceControlPolicies = principal.Caller.IsServiceLinkedRole ? [] : account.ServiceControlPolicies,
    };

    public static EdgeDecider Decider(AnalysisOptions options, PolicyIndex index)
    {
        var supplied = new HashSet<string>(options.Context.Keys, StringComparer.OrdinalIgnoreCase);
        return new EdgeDecider(index, new ConditionRelaxer(new SettledKeys(supplied)), options.ContextKeys(), cutByAction: !options.FullScan);
    }
}
