using System.Text.Json.Nodes;

namespace Crossgate.Platform.Aws;

/// <summary>The Organizations calls the platform makes to discover target accounts.</summary>
public sealed class OrganizationsClient(JsonClient json)
{
    public static OrganizationsClient Create(HttpClient http, AwsTarget target, AwsCredentialSet credentials) =>
        new(new JsonClient(http, target, credentials, "organizations", "AWSOrganizationsV20161128"));

    /// <summary>Every account of the organization, following <c>NextToken</c> pages.</summary>
    public async Task<IReadOnlyList<OrganizationAccount>> ListAccountsAsync(CancellationToken cancellation)
    {
        var accounts = new List<OrganizationAccount>();
        string? next = null;
        do
        {
            var input = new JsonObject();
            if (next is not null)
            {
                input["NextToken"] = next;
            }

            var page = await json.CallAsync("ListAccounts", input, cancellation).ConfigureAwait(false);
            foreach (var account in page?["Accounts"]?.AsArray() ?? [])
            {
                accounts.Add(new OrganizationAccount(
                    account!["Id"]!.GetValue<string>(),
                    account["Name"]?.GetValue<string>() ?? string.Empty,
                    account["Status"]?.GetValue<string>() ?? "ACTIVE"));
            }

            next = page?["NextToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));

        return accounts;
    }
}

public sealed record OrganizationAccount(string Id, string Name, string Status);
