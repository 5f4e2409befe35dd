using System.CommandLine;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Cli.Commands;

/// <summary><c>--kind</c>: where the policy is attached, which decides the grammar it must follow. <c>identity</c>
/// answers as CreatePolicy does (a managed policy: Version 2012-10-17 required, 6,144 characters at most); <c>inline</c> as
/// PutUserPolicy / PutRolePolicy / PutGroupPolicy do (a missing or 2008-10-17 Version is accepted).</summary>
internal static class PolicyKindOption
{
    private static readonly Dictionary<string, PolicyParseOptions> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identity"] = new(PolicyKind.Identity) { RequireCurrentVersion = true, Quota = PolicySizeQuota.ManagedPolicy },
        ["inline"] = new(PolicyKind.Identity),
        ["resource"] = new(PolicyKind.Resource),
        ["trust"] = new(PolicyKind.Trust),
        ["boundary"] = new(PolicyKind.PermissionsBoundary) { RequireCurrentVersion = true, Quota = PolicySizeQuota.ManagedPolicy },
        ["session"] = new(PolicyKind.Session),
        ["scp"] = new(PolicyKind.ServiceControl),
        ["rcp"] = new(PolicyKind.ResourceControl),
    };

    public static Option<string> Create()
    {
        var option = new Option<string>("--kind", "-k")
        {
            Description = "Where the policy is attached: identity (a managed policy, as CreatePolicy), inline (as PutRolePolicy), resource, trust, boundary, session, scp or rcp.",
            DefaultValueFactory = _ => "identity",
        };
        option.AcceptOnlyFromAmong([.. Names.Keys]);
        return option;
    }

    public static PolicyParseOptions Parse(string name) => Names[name];

    /// <summary>The canonical (lower-case) spelling of a name given on the command line.</summary>
    public static string Canonical(string name) => Names.Keys.First(key => key.Equals(name, StringComparison.OrdinalIgnoreCase));
}
