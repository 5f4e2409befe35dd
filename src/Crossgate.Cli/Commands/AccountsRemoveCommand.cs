using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts remove ALIAS</c>. Exit 2 when the alias is not registered.</summary>
internal static class AccountsRemoveCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var alias = new Argument<string>("ALIAS") { Description = "The registered account's alias." };
        var command = new Command("remove", "Remove a registered account.") { alias };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var name = parse.GetValue(alias)!;
            if (!await registry.RemoveAsync(name, cancellation))
            {
                parse.InvocationConfiguration.Error.WriteLine($"No account is registered as '{name}'.");
                return CrossgateCli.UsageError;
            }

            parse.InvocationConfiguration.Output.WriteLine($"Removed '{name}'.");
            return 0;
        });
        return command;
    }
}
