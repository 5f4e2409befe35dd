using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crossgate.Cli.Output;
using Crossgate.Platform.ServiceStore;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate platform token create|list|revoke</c>: API tokens for the platform service. A token is
/// printed once, alone on the last line; only its SHA-256 is stored. A running service sees changes at once (it
/// looks tokens up in the store on every request).</summary>
internal static partial class PlatformTokenCommand
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public static Command Build()
    {
        var command = new Command("token", "Create, list and revoke the platform API's bearer tokens.");
        command.Subcommands.Add(Create());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Option<string> OutputOption()
    {
        var option = new Option<string>("--output", "-o") { Description = "text, table or json.", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "table", "json");
        return option;
    }

    private static Command Create()
    {
        var store = new StoreOptions();
        var name = new Option<string>("--name") { Description = "A unique name for the token (who or what uses it).", Required = true };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may read everything and change nothing." };
        var output = OutputOption();
        var command = new Command("create", "Create a token; it is shown once, alone on the last line of the output.") { name, readOnly, output };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var tokenName = parse.GetValue(name)!;
            if (!NamePattern().IsMatch(tokenName))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The token name '{tokenName}' is not usable: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
                return CrossgateCli.UsageError;
            }

            await using var stores = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation);
            var secret = TokenSecrets.NewSecret();
            var isReadOnly = parse.GetValue(readOnly);
            if (!await stores.Store.AddTokenAsync(new ApiToken(tokenName, TokenSecrets.Hash(secret), isReadOnly, DateTimeOffset.UtcNow), cancellation))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"A token named '{tokenName}' exists; revoke it first ('crossgate platform token revoke {tokenName}') or choose another name.");
                return CrossgateCli.UsageError;
            }

            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) == "json")
            {
                AccountsListCommand.WriteJson(writer, new JsonObject { ["name"] = tokenName, ["token"] = secret, ["readOnly"] = isReadOnly });
                return 0;
            }

            await writer.WriteLineAsync($"Created {(isReadOnly ? "read-only " : string.Empty)}token '{tokenName}' in {stores.Store.Description}. It is shown only now; keep it secret:");
            await writer.WriteLineAsync(secret);
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var store = new StoreOptions();
        var output = OutputOption();
        var command = new Command("list", "List the tokens (names and rights; the tokens themselves are not stored).") { output };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            await using var stores = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation);
            var tokens = await stores.Store.ListTokensAsync(cancellation);
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) == "json")
            {
                AccountsListCommand.WriteJson(writer, new JsonArray([.. tokens.Select(t => (JsonNode?)new JsonObject
                {
                    ["name"] = t.Name, ["readOnly"] = t.ReadOnly, ["createdAt"] = t.CreatedAt,
                })]));
                return 0;
            }

            if (tokens.Count == 0)
            {
                await writer.WriteLineAsync($"No tokens in {stores.Store.Description}; create one with 'crossgate platform token create --name NAME'.");
                return 0;
            }

            var table = new Table().AddColumns("Name", "Rights", "Created");
            foreach (var token in tokens)
            {
                table.AddRow(Markup.Escape(token.Name), token.ReadOnly ? "read-only" : "read and write",
                    token.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            CliOutput.Console(writer).Write(table);
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var store = new StoreOptions();
        var name = new Argument<string>("NAME") { Description = "The token's name." };
        var command = new Command("revoke", "Revoke a token; a running service refuses it from the next request on.") { name };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            await using var stores = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation);
            var tokenName = parse.GetValue(name)!;
            if (!await stores.Store.RevokeTokenAsync(tokenName, cancellation))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"There is no token named '{tokenName}'; 'crossgate platform token list' shows them.");
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked token '{tokenName}'.");
            return 0;
        });
        return command;
    }
}
