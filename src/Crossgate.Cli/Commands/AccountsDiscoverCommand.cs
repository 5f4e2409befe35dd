using System.CommandLine;
using System.Text.Json.Nodes;
using Crossgate.Cli.Output;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts discover --role-name NAME [--external-id ID]</c>: lists the organization's accounts
/// and registers <c>arn:aws:iam::ACCOUNT:role/NAME</c> in each whose role can be assumed (aliased by the account's
/// name in the organization, made safe and unique), in parallel, then prints
/// which worked and why the others did not. Exit 0 when every active account worked, 1 otherwise.</summary>
internal static class AccountsDiscoverCommand
{
    private const int Parallelism = 8;

    public static Command Build()
    {
        var options = new AccountsOptions();
        var roleName = new Option<string>("--role-name") { Description = "The role's name (with its path, e.g. ops/Name) in every account.", Required = true };
        var externalId = new Option<string?>("--external-id") { Description = "The external id the roles' trust policies require." };
        var duration = new Option<int?>("--session-duration") { Description = "Session length in seconds (default 3600)." };
        var noCheck = new Option<bool>("--no-check") { Description = "Register every account's role without proving it assumable." };
        var output = AccountsCheckCommand.CheckOutputOption();
        var command = new Command("discover", "Register the platform's role in every account of the organization.")
        {
            roleName, externalId, duration, noCheck, output,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var (target, credentials) = options.Connect(parse);
            if (target is null || credentials is null)
            {
                return CrossgateCli.UsageError;
            }

            IReadOnlyList<OrganizationAccount> accounts;
            try
            {
                accounts = await OrganizationsClient.Create(AccountsOptions.Http, target, credentials).ListAccountsAsync(cancellation);
            }
            catch (AwsCallException ex)
            {
                error.WriteLine($"Organizations ListAccounts failed ({ex.Code}: {ex.AwsMessage}). Discovery needs the organization's management " +
                                "account (or a delegated administrator) and organizations:ListAccounts.");
                return 1;
            }
            catch (HttpRequestException ex)
            {
                error.WriteLine($"Could not reach Organizations at {target.UrlFor("organizations")}: {ex.Message}");
                return 1;
            }

            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var policy = await registry.GetPolicyAsync(cancellation);
            var registered = await registry.ListAsync(cancellation);
            var probe = new AssumabilityProbe(target, credentials, AccountsOptions.Http);
            var name = parse.GetValue(roleName)!.Trim('/');
            var taken = new HashSet<string>(registered.Select(r => r.Alias), StringComparer.OrdinalIgnoreCase);
            var aliases = accounts.ToDictionary(a => a.Id, a => RegistrationRules.AliasFromName(a.Name, a.Id, taken));
            using var gate = new SemaphoreSlim(Parallelism);

            async Task<DiscoveryRow> DiscoverOne(OrganizationAccount account, Action? advance)
            {
                await gate.WaitAsync(cancellation);
                try
                {
                    return await RegisterAsync(account, aliases[account.Id], name, parse.GetValue(externalId), parse.GetValue(duration), parse.GetValue(noCheck),
                        policy, registered, registry, probe, cancellation);
                }
                finally
                {
                    gate.Release();
                    advance?.Invoke();
                }
            }

            DiscoveryRow[] rows;
            var stdout = parse.InvocationConfiguration.Output;
            if (IsInteractive(stdout))
            {
                rows = await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask($"Assuming {name} in {accounts.Count} accounts", maxValue: accounts.Count);
                    return await Task.WhenAll(accounts.Select(a => DiscoverOne(a, () => task.Increment(1))));
                });
            }
            else
            {
                rows = await Task.WhenAll(accounts.Select(a => DiscoverOne(a, null)));
            }

            Write(rows, AccountsCheckCommand.IsJson(parse.GetValue(output)), stdout);
            return rows.All(r => r.Worked || r.Skipped) ? 0 : 1;
        });
        return command;
    }

    private sealed record DiscoveryRow(string AccountId, string Name, string? Alias, string RoleArn, bool Worked, bool Skipped, string Outcome);

    private static async Task<DiscoveryRow> RegisterAsync(
        OrganizationAccount account, string alias, string roleName, string? externalId, int? duration, bool noCheck, RegistryPolicy policy,
        IReadOnlyList<RegisteredAccount> registered, IAccountRegistry registry, AssumabilityProbe probe, CancellationToken cancellation)
    {
        var roleArn = $"arn:aws:iam::{account.Id}:role/{roleName}";
        if (!string.Equals(account.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
        {
            return new(account.Id, account.Name, null, roleArn, false, true, $"skipped: the account is {account.Status.ToLowerInvariant()}");
        }

        if (registered.FirstOrDefault(r => r.RoleArn == roleArn) is { } existing)
        {
            return new(account.Id, account.Name, existing.Alias, roleArn, true, false, $"already registered as '{existing.Alias}'");
        }

        var (registration, refusal) = RegistrationRules.Validate(alias, roleArn, externalId, duration, policy, DateTimeOffset.UtcNow);
        if (registration is null)
        {
            return new(account.Id, account.Name, null, roleArn, false, false, refusal!);
        }

        if (!noCheck)
        {
            var probed = await probe.ProbeAsync(registration, cancellation);
            if (!probed.Assumable)
            {
                return new(account.Id, account.Name, null, roleArn, false, false, probed.Reason!);
            }
        }

        var addError = await registry.AddAsync(registration, cancellation);
        return addError is null
            ? new(account.Id, account.Name, registration.Alias, roleArn, true, false, noCheck ? "registered (not proven: --no-check)" : "registered, assumable")
            : new(account.Id, account.Name, null, roleArn, false, false, addError);
    }

    private static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    private static void Write(IReadOnlyList<DiscoveryRow> rows, bool json, TextWriter output)
    {
        if (json)
        {
            AccountsListCommand.WriteJson(output, new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject
            {
                ["accountId"] = r.AccountId,
                ["name"] = r.Name,
                ["alias"] = r.Alias,
                ["roleArn"] = r.RoleArn,
                ["worked"] = r.Worked,
                ["reason"] = r.Outcome,
            })]));
            return;
        }

        var table = new Table().AddColumns("Account", "Name", "Role ARN", "Worked", "Why / outcome");
        foreach (var row in rows)
        {
            table.AddRow(row.AccountId, Markup.Escape(row.Name), Markup.Escape(row.RoleArn),
                row.Worked ? "[green]yes[/]" : row.Skipped ? "skipped" : "[red]no[/]", Markup.Escape(row.Outcome));
        }

        CliOutput.Console(output).Write(table);
        output.Flush();
    }
}
