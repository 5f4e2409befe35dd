using System.CommandLine;
using System.Globalization;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts show ALIAS</c>: one registration in full. Exit 2 when the alias is not registered.</summary>
internal static class AccountsShowCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var alias = new Argument<string>("ALIAS") { Description = "The registered account's alias." };
        var output = AccountsCheckCommand.CheckOutputOption();
        var command = new Command("show", "Show one registered account.") { alias, output };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var account = await registry.GetAsync(parse.GetValue(alias)!, cancellation);
            if (account is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"No account is registered as '{parse.GetValue(alias)}'.");
                return CrossgateCli.UsageError;
            }

            var writer = parse.InvocationConfiguration.Output;
            if (AccountsCheckCommand.IsJson(parse.GetValue(output)))
            {
                AccountsListCommand.WriteJson(writer, AccountsListCommand.ToJson(account));
                return 0;
            }

            writer.WriteLine($"Alias:            {account.Alias}");
            writer.WriteLine($"Account:          {account.AccountId}");
            writer.WriteLine($"Role ARN:         {account.RoleArn}");
            writer.WriteLine($"External id:      {account.ExternalId ?? "(none)"}");
            writer.WriteLine($"Session duration: {account.SessionDuration.ToString(CultureInfo.InvariantCulture)} seconds");
            writer.WriteLine($"Registered:       {account.RegisteredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
            writer.WriteLine($"Last check:       {AccountsListCommand.LastCheck(account)}");
            writer.Flush();
            return 0;
        });
        return command;
    }
}
