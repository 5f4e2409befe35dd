using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crossgate.Cli.Output;
using Crossgate.Platform.Registry;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts list</c>: every registration, with the outcome of its last check.</summary>
internal static class AccountsListCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var output = AccountsCheckCommand.CheckOutputOption();
        var command = new Command("list", "List the registered accounts.") { output };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var accounts = await registry.ListAsync(cancellation);
            var writer = parse.InvocationConfiguration.Output;
            if (AccountsCheckCommand.IsJson(parse.GetValue(output)))
            {
                WriteJson(writer, new JsonArray([.. accounts.Select(a => (JsonNode?)ToJson(a))]));
                return 0;
            }

            if (accounts.Count == 0)
            {
                writer.WriteLine($"No accounts are registered in {registry.Description}.");
                return 0;
            }

            var table = new Table().AddColumns("Alias", "Account", "Role ARN", "External id", "Session", "Last check");
            foreach (var account in accounts)
            {
                table.AddRow(
                    Markup.Escape(account.Alias), account.AccountId, Markup.Escape(account.RoleArn),
                    account.ExternalId is null ? "-" : "set", account.SessionDuration.ToString(CultureInfo.InvariantCulture) + "s",
                    Markup.Escape(LastCheck(account)));
            }

            CliOutput.Console(writer).Write(table);
            writer.Flush();
            return 0;
        });
        return command;
    }

    public static string LastCheck(RegisteredAccount account) => account.LastCheckTime is null
        ? "never"
        : $"{account.LastCheckSummary} ({account.LastCheckTime.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)})";

    public static JsonObject ToJson(RegisteredAccount account) => new()
    {
        ["alias"] = account.Alias,
        ["accountId"] = account.AccountId,
        ["roleArn"] = account.RoleArn,
        ["externalId"] = account.ExternalId,
        ["sessionDuration"] = account.SessionDuration,
        ["registeredAt"] = account.RegisteredAt,
        ["lastCheckSummary"] = account.LastCheckSummary,
        ["lastCheckTime"] = account.LastCheckTime,
    };

    public static void WriteJson(TextWriter writer, JsonNode node)
    {
        writer.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        writer.Flush();
    }
}
