using System.CommandLine;
using Crossgate.Policies;

namespace Crossgate.Cli.Commands;

/// <summary><c>--kind</c>: where the policy is attached, which decides the grammar it must follow.</summary>
internal static class PolicyKindOption
{
    private static readonly Dictionary<string, PolicyKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identity"] = PolicyKind.Identity,
        ["resource"] = PolicyKind.Resource,
        ["trust"] = PolicyKind.Trust,
        ["boundary"] = PolicyKind.PermissionsBoundary,
        ["session"] = PolicyKind.Session,
        ["scp"] = PolicyKind.ServiceControl,
        ["rcp"] = PolicyKind.ResourceControl,
    };

    public static Option<string> Create()
    {
        var option = new Option<string>("--kind", "-k")
        {
            Description = "Where the policy is attached: identity, resource, trust, boundary, session, scp or rcp.",
            DefaultValueFactory = _ => "identity",
        };
        option.AcceptOnlyFromAmong([.. Names.Keys]);
        return option;
    }

    public static PolicyKind Parse(string name) => Names[name];

    public static string NameOf(PolicyKind kind) => Names.First(pair => pair.Value == kind).Key;
}
