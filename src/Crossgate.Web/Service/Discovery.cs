using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Crossgate.Platform.Templates;

namespace Crossgate.Web.Service;

/// <summary>Discovery from Organizations: every active account (of the whole organization, or under the given OUs
/// and roots, nested OUs included) gets <c>arn:aws:iam::ACCOUNT:role/NAME</c> registered when the role can be
/// assumed, eight at a time, under an alias made from the account's name.</summary>
public sealed partial class Discovery(IRegisteredAccounts registry, PlatformConnection connection, TimeProvider clock)
{
    public sealed record Row(string AccountId, string AccountName, string? Alias, bool Added, string? Reason);

    [GeneratedRegex("^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$")]
    private static partial Regex ParentIdPattern();

    public async Task<(IReadOnlyList<Row>? Rows, ServiceError? Error)> DiscoverAsync(
        string roleName, IReadOnlyList<string> parentIds, string? externalId, CancellationToken cancellation)
    {
        var name = roleName.Trim('/');
        if (!RoleArn.TryParse($"arn:aws:iam::000000000000:role/{name}", out _, out var nameError))
        {
            return (null, ServiceError.Unprocessable($"The role name '{roleName}' is not usable: {nameError}"));
        }

        if (parentIds.FirstOrDefault(id => !ParentIdPattern().IsMatch(id)) is { } badParent)
        {
            return (null, ServiceError.Unprocessable($"'{badParent}' is not an OU id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx)."));
        }

        var credentials = await connection.CredentialsAsync(cancellation).ConfigureAwait(false);
        IReadOnlyList<OrganizationAccount> accounts;
        try
        {
            accounts = parentIds.Count == 0
                ? await OrganizationsClient.Create(connection.Http, connection.Target, credentials).ListAccountsAsync(cancellation).ConfigureAwait(false)
                : await AccountsUnderAsync(new JsonClient(connection.Http, connection.Target, credentials, "organizations", "AWSOrganizationsV20161128"), parentIds, cancellation).ConfigureAwait(false);
        }
        catch (AwsCallException ex)
        {
            return (null, ServiceError.Upstream($"Organizations refused to list the accounts ({ex.Code}: {ex.AwsMessage}). Discovery needs the platform's " +
                                                "identity in the management account (or a delegated administrator) with organizations:ListAccounts " +
                                                "(and ListAccountsForParent / ListOrganizationalUnitsForParent for an OU filter)."));
        }
        catch (HttpRequestException ex)
        {
            return (null, ServiceError.Upstream($"Could not reach Organizations at {connection.Target.UrlFor("organizations")}: {ex.Message}"));
        }

        var policy = await registry.GetPolicyAsync(cancellation).ConfigureAwait(false);
        var registered = await registry.ListAsync(cancellation).ConfigureAwait(false);
        var taken = new HashSet<string>(registered.Select(r => r.Alias), StringComparer.OrdinalIgnoreCase);
        // Aliases are given before the accounts are tried at once, in the organization's order (as the CLI does), so
        // the same organization gets the same aliases however the probes interleave.
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (string.Equals(account.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase) && !registered.Any(r => r.RoleArn == RoleArnIn(account)))
            {
                aliases[account.Id] = RegistrationRules.AliasFromName(account.Name, account.Id, taken);
            }
        }

        var probe = new AssumabilityProbe(connection.Target, credentials, connection.Http);
        using var gate = new SemaphoreSlim(AccountCheckService.Parallelism);

        string RoleArnIn(OrganizationAccount account) => $"arn:aws:iam::{account.Id}:role/{name}";

        async Task<Row> One(OrganizationAccount account)
        {
            var roleArn = RoleArnIn(account);
            if (!string.Equals(account.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            {
                return new Row(account.Id, account.Name, null, false, $"Skipped: the account is {account.Status.ToLowerInvariant()}.");
            }

            if (registered.FirstOrDefault(r => r.RoleArn == roleArn) is { } existing)
            {
                return new Row(account.Id, account.Name, existing.Alias, false, $"Already registered as '{existing.Alias}'.");
            }

            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var (registration, refusal) = RegistrationRules.Validate(aliases[account.Id], roleArn, externalId, null, policy, clock.GetUtcNow());
                if (registration is null)
                {
                    return new Row(account.Id, account.Name, null, false, refusal);
                }

                var probed = await probe.ProbeAsync(registration, cancellation).ConfigureAwait(false);
                if (!probed.Assumable)
                {
                    return new Row(account.Id, account.Name, null, false, probed.Reason);
                }

                var addError = await registry.AddAsync(registration, cancellation).ConfigureAwait(false);
                return addError is null
                    ? new Row(account.Id, account.Name, registration.Alias, true, null)
                    : new Row(account.Id, account.Name, null, false, addError);
            }
            finally
            {
                gate.Release();
            }
        }

        return (await Task.WhenAll(accounts.Select(One)).ConfigureAwait(false), null);
    }

    /// <summary>The accounts under each parent, walking nested OUs.</summary>
    private static async Task<IReadOnlyList<OrganizationAccount>> AccountsUnderAsync(JsonClient organizations, IReadOnlyList<string> parentIds, CancellationToken cancellation)
    {
        var accounts = new Dictionary<string, OrganizationAccount>(StringComparer.Ordinal);
        var pending = new Queue<string>(parentIds.Distinct(StringComparer.Ordinal));
        var seen = new HashSet<string>(pending, StringComparer.Ordinal);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var item in await PagesAsync(organizations, "ListAccountsForParent", parent, "Accounts", cancellation).ConfigureAwait(false))
            {
                var id = item["Id"]!.GetValue<string>();
                accounts[id] = new OrganizationAccount(id, item["Name"]?.GetValue<string>() ?? string.Empty, item["Status"]?.GetValue<string>() ?? "ACTIVE");
            }

            foreach (var unit in await PagesAsync(organizations, "ListOrganizationalUnitsForParent", parent, "OrganizationalUnits", cancellation).ConfigureAwait(false))
            {
                var id = unit["Id"]!.GetValue<string>();
                if (seen.Add(id))
                {
                    pending.Enqueue(id);
                }
            }
        }

        return [.. accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    private static async Task<List<JsonNode>> PagesAsync(JsonClient organizations, string operation, string parentId, string listName, CancellationToken cancellation)
    {
        var items = new List<JsonNode>();
        string? next = null;
        do
        {
            var input = new JsonObject { ["ParentId"] = parentId };
            if (next is not null)
            {
                input["NextToken"] = next;
            }

            var page = await organizations.CallAsync(operation, input, cancellation).ConfigureAwait(false);
            items.AddRange((page?[listName]?.AsArray() ?? []).OfType<JsonNode>());
            next = page?["NextToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));

        return items;
    }
}
