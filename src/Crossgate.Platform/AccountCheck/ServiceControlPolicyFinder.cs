using System.Text.Json.Nodes;
using Crossgate.Platform.Aws;
using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Names the service control policy that denies an action to an account, from the platform's own view of
/// the organization (its management account or a delegated administrator): the tree from the root down, and each
/// SCP's content and targets, read once. IAM's simulator only says that the organization refused.</summary>
public sealed class ServiceControlPolicyFinder(JsonClient organizations)
{
    private Task<Snapshot?>? _snapshot;

    private sealed record AttachedScp(string Name, string Arn, PolicyDocument Document, HashSet<string> Targets);

    private sealed record Snapshot(Dictionary<string, string> ParentOf, List<AttachedScp> Policies);

    public static ServiceControlPolicyFinder Create(HttpClient http, AwsTarget target, AwsCredentialSet credentials) =>
        new(new JsonClient(http, target, credentials, "organizations", "AWSOrganizationsV20161128"));

    /// <summary>The SCP on the account's path with a Deny statement for the action and resource; null when none is
    /// found or the organization cannot be read.</summary>
    public async Task<DenialCause?> FindDenyingAsync(string accountId, string action, string resource, CancellationToken cancellation)
    {
        var snapshot = await LazyInitializer.EnsureInitialized(ref _snapshot, () => ReadAsync(cancellation)).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        var path = new HashSet<string>(StringComparer.Ordinal) { accountId };
        for (var at = accountId; snapshot.ParentOf.TryGetValue(at, out var parent); at = parent)
        {
            path.Add(parent);
        }

        foreach (var policy in snapshot.Policies)
        {
            if (policy.Targets.Overlaps(path) && policy.Document.Statements.Any(s => DenyingStatement.Denies(s, action, resource) && s.Condition.IsEmpty))
            {
                return new DenialCause(DenialKind.ServiceControlPolicy, policy.Name, policy.Arn);
            }
        }

        return null;
    }

    private async Task<Snapshot?> ReadAsync(CancellationToken cancellation)
    {
        try
        {
            var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var roots = await PagesAsync("ListRoots", new JsonObject(), "Roots", cancellation).ConfigureAwait(false);
            var pending = new Queue<string>(roots.Select(r => r["Id"]!.GetValue<string>()));
            while (pending.TryDequeue(out var parent))
            {
                foreach (var unit in await PagesAsync("ListOrganizationalUnitsForParent", new JsonObject { ["ParentId"] = parent }, "OrganizationalUnits", cancellation).ConfigureAwait(false))
                {
                    var id = unit["Id"]!.GetValue<string>();
                    parentOf[id] = parent;
                    pending.Enqueue(id);
                }

                foreach (var account in await PagesAsync("ListAccountsForParent", new JsonObject { ["ParentId"] = parent }, "Accounts", cancellation).ConfigureAwait(false))
                {
                    parentOf[account["Id"]!.GetValue<string>()] = parent;
                }
            }

            var policies = new List<AttachedScp>();
            foreach (var summary in await PagesAsync("ListPolicies", new JsonObject { ["Filter"] = "SERVICE_CONTROL_POLICY" }, "Policies", cancellation).ConfigureAwait(false))
            {
                var id = summary["Id"]!.GetValue<string>();
                var targets = await PagesAsync("ListTargetsForPolicy", new JsonObject { ["PolicyId"] = id }, "Targets", cancellation).ConfigureAwait(false);
                var described = await organizations.CallAsync("DescribePolicy", new JsonObject { ["PolicyId"] = id }, cancellation).ConfigureAwait(false);
                var parsed = PolicyParser.Parse(described?["Policy"]?["Content"]?.GetValue<string>() ?? "{}", PolicyKind.ServiceControl);
                if (parsed.Success)
                {
                    policies.Add(new AttachedScp(summary["Name"]?.GetValue<string>() ?? id, summary["Arn"]?.GetValue<string>() ?? id, parsed.Document!,
                        [.. targets.Select(t => t["TargetId"]!.GetValue<string>())]));
                }
            }

            return new Snapshot(parentOf, policies);
        }
        catch (Exception ex) when (ex is AwsCallException or HttpRequestException)
        {
            return null;
        }
    }

    private async Task<List<JsonNode>> PagesAsync(string operation, JsonObject input, string listName, CancellationToken cancellation)
    {
        var items = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = input.DeepClone().AsObject();
            if (next is not null)
            {
                page["NextToken"] = next;
            }

            var answer = await organizations.CallAsync(operation, page, cancellation).ConfigureAwait(false);
            items.AddRange(answer?[listName]?.AsArray().OfType<JsonNode>() ?? []);
            next = answer?["NextToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));

        return items;
    }
}
