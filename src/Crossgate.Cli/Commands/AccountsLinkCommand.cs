using System.CommandLine;
using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts link ALIAS</c>: the console's switch-role link for a registered role.</summary>
internal static class AccountsLinkCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var alias = new Argument<string>("ALIAS") { Description = "The registered account's alias." };
        var command = new Command("link", "Print the AWS console switch-role link for a registered account's role.") { alias };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var account = await registry.GetAsync(parse.GetValue(alias)!, cancellation);
            var error = parse.InvocationConfiguration.Error;
            if (account is null)
            {
                error.WriteLine($"No account is registered as '{parse.GetValue(alias)}'.");
                return CrossgateCli.UsageError;
            }

            if (!SwitchRoleLink.TryCreate(account.RoleArn, account.Alias, out var link, out var linkError))
            {
                error.WriteLine(linkError);
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(link);
            return 0;
        });
        return command;
    }
}
