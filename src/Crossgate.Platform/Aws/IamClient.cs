using System.Globalization;
using System.Xml.Linq;

namespace Crossgate.Platform.Aws;

/// <summary>The IAM calls the platform makes: the role a registration names, and the policy simulator that the
/// account check asks about each permission group.</summary>
public sealed class IamClient(QueryClient query)
{
    public static IamClient Create(HttpClient http, AwsTarget target, AwsCredentialSet credentials) =>
        new(new QueryClient(http, target, credentials, "iam", "2010-05-08"));

    /// <summary>The role's ARN and maximum session duration, or <see cref="AwsCallException"/> (<c>NoSuchEntity</c>).</summary>
    public async Task<(string Arn, int MaxSessionDuration)> GetRoleAsync(string roleName, CancellationToken cancellation)
    {
        var result = await query.CallAsync("GetRole", [new("RoleName", roleName)], cancellation).ConfigureAwait(false);
        var role = result.Descendants().First(e => e.Name.LocalName == "Role");
        var max = QueryClient.Child(role, "MaxSessionDuration");
        return (QueryClient.Child(role, "Arn")!, max is null ? 3600 : int.Parse(max, CultureInfo.InvariantCulture));
    }

    /// <summary>The ARN of the role's permissions boundary, or null when it has none.</summary>
    public async Task<string?> GetRoleBoundaryArnAsync(string roleName, CancellationToken cancellation)
    {
        var result = await query.CallAsync("GetRole", [new("RoleName", roleName)], cancellation).ConfigureAwait(false);
        return result.Descendants().FirstOrDefault(e => e.Name.LocalName == "PermissionsBoundaryArn")?.Value;
    }

    /// <summary>Every policy document of the role, inline and attached (each attached policy's default version),
    /// decoded: what <c>iam:ListRolePolicies</c>, <c>GetRolePolicy</c>, <c>ListAttachedRolePolicies</c>,
    /// <c>GetPolicy</c> and <c>GetPolicyVersion</c> return.</summary>
    public Task<IReadOnlyList<(string Name, string Document)>> GetRolePolicyDocumentsAsync(string roleName, CancellationToken cancellation) =>
        GetPolicyDocumentsAsync("Role", roleName, cancellation);

    /// <summary>Every policy document attached to the user itself, inline and managed (not its groups').</summary>
    public Task<IReadOnlyList<(string Name, string Document)>> GetUserPolicyDocumentsAsync(string userName, CancellationToken cancellation) =>
        GetPolicyDocumentsAsync("User", userName, cancellation);

    /// <param name="kind"><c>Role</c> or <c>User</c>: it names the operations (<c>List{kind}Policies</c>, …) and
    /// their parameter (<c>{kind}Name</c>).</param>
    private async Task<IReadOnlyList<(string Name, string Document)>> GetPolicyDocumentsAsync(string kind, string principalName, CancellationToken cancellation)
    {
        var documents = new List<(string, string)>();
        var nameParameter = kind + "Name";
        foreach (var name in await ListAsync($"List{kind}Policies", nameParameter, principalName, "PolicyNames", cancellation).ConfigureAwait(false))
        {
            var policy = await query.CallAsync($"Get{kind}Policy", [new(nameParameter, principalName), new("PolicyName", name.Value)], cancellation).ConfigureAwait(false);
            documents.Add((name.Value, Uri.UnescapeDataString(QueryClient.Child(policy, "PolicyDocument") ?? "{}")));
        }

        foreach (var attached in await ListAsync($"ListAttached{kind}Policies", nameParameter, principalName, "AttachedPolicies", cancellation).ConfigureAwait(false))
        {
            var arn = QueryClient.Child(attached, "PolicyArn")!;
            var policy = await query.CallAsync("GetPolicy", [new("PolicyArn", arn)], cancellation).ConfigureAwait(false);
            var version = policy.Descendants().FirstOrDefault(e => e.Name.LocalName == "DefaultVersionId")?.Value ?? "v1";
            var document = await query.CallAsync("GetPolicyVersion", [new("PolicyArn", arn), new("VersionId", version)], cancellation).ConfigureAwait(false);
            var text = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Document")?.Value ?? "{}";
            documents.Add((QueryClient.Child(attached, "PolicyName") ?? arn, Uri.UnescapeDataString(text)));
        }

        return documents;
    }

    /// <summary>The members of a paged list of a principal (following <c>Marker</c>).</summary>
    private async Task<List<XElement>> ListAsync(string action, string nameParameter, string principalName, string listName, CancellationToken cancellation)
    {
        var members = new List<XElement>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new(nameParameter, principalName) };
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var result = await query.CallAsync(action, parameters, cancellation).ConfigureAwait(false);
            members.AddRange(result.Elements().FirstOrDefault(e => e.Name.LocalName == listName)?.Elements() ?? []);
            marker = QueryClient.Child(result, "IsTruncated") == "true" ? QueryClient.Child(result, "Marker") : null;
        }
        while (marker is not null);

        return members;
    }

    /// <summary>IAM's <c>SimulatePrincipalPolicy</c> for one principal, many actions and optional resources.</summary>
    public async Task<IReadOnlyList<SimulationResult>> SimulatePrincipalPolicyAsync(
        string policySourceArn, IReadOnlyList<string> actions, IReadOnlyList<string> resources,
        IReadOnlyList<(string Key, string Type, string[] Values)> context, CancellationToken cancellation, string? resourcePolicy = null)
    {
        var results = new List<SimulationResult>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("PolicySourceArn", policySourceArn) };
            for (var i = 0; i < actions.Count; i++)
            {
                parameters.Add(new($"ActionNames.member.{i + 1}", actions[i]));
            }

            for (var i = 0; i < resources.Count; i++)
            {
                parameters.Add(new($"ResourceArns.member.{i + 1}", resources[i]));
            }

            for (var i = 0; i < context.Count; i++)
            {
                var (key, type, values) = context[i];
                parameters.Add(new($"ContextEntries.member.{i + 1}.ContextKeyName", key));
                parameters.Add(new($"ContextEntries.member.{i + 1}.ContextKeyType", type));
                for (var v = 0; v < values.Length; v++)
                {
                    parameters.Add(new($"ContextEntries.member.{i + 1}.ContextKeyValues.member.{v + 1}", values[v]));
                }
            }

            if (resourcePolicy is not null)
            {
                parameters.Add(new("ResourcePolicy", resourcePolicy));
            }

            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var result = await query.CallAsync("SimulatePrincipalPolicy", parameters, cancellation).ConfigureAwait(false);
            var list = result.Elements().FirstOrDefault(e => e.Name.LocalName == "EvaluationResults");
            foreach (var member in list?.Elements() ?? [])
            {
                results.Add(SimulationResult.From(member));
            }

            marker = QueryClient.Child(result, "IsTruncated") == "true" ? QueryClient.Child(result, "Marker") : null;
        }
        while (marker is not null);

        return results;
    }
}

/// <summary>One row of IAM's simulator answer.</summary>
public sealed record SimulationResult(
    string Action, string? Resource, string Decision, IReadOnlyList<string> MissingContextValues, IReadOnlyList<string> MatchedStatementIds)
{
    /// <summary><c>OrganizationsDecisionDetail/AllowedByOrganizations</c>; null when the answer has none.</summary>
    public bool? AllowedByOrganizations { get; init; }

    /// <summary><c>PermissionsBoundaryDecisionDetail/AllowedByPermissionsBoundary</c>; null when the answer has none.</summary>
    public bool? AllowedByPermissionsBoundary { get; init; }

    /// <summary>The <c>SourcePolicyType</c> of each matched statement, beside <see cref="MatchedStatementIds"/>.</summary>
    public IReadOnlyList<string> MatchedStatementTypes { get; init; } = [];

    public bool IsAllowed => Decision == "allowed";

    internal static SimulationResult From(XElement member)
    {
        static IEnumerable<XElement> Members(XElement parent, string name) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Elements() ?? [];

        return new SimulationResult(
            QueryClient.Child(member, "EvalActionName") ?? string.Empty,
            QueryClient.Child(member, "EvalResourceName"),
            QueryClient.Child(member, "EvalDecision") ?? "implicitDeny",
            [.. Members(member, "MissingContextValues").Select(e => e.Value)],
            [.. Members(member, "MatchedStatements").Select(e => QueryClient.Child(e, "SourcePolicyId") ?? string.Empty)])
        {
            AllowedByOrganizations = Flag(member, "OrganizationsDecisionDetail", "AllowedByOrganizations"),
            AllowedByPermissionsBoundary = Flag(member, "PermissionsBoundaryDecisionDetail", "AllowedByPermissionsBoundary"),
            MatchedStatementTypes = [.. Members(member, "MatchedStatements").Select(e => QueryClient.Child(e, "SourcePolicyType") ?? string.Empty)],
        };
    }

    private static bool? Flag(XElement member, string detail, string name)
    {
        var value = QueryClient.Child(member.Elements().FirstOrDefault(e => e.Name.LocalName == detail), name);
        return value is null ? null : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }
}
