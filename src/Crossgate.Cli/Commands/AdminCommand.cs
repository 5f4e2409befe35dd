using System.CommandLine;
using Crossgate.Directory;
using Crossgate.Server.Application;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate admin …</c>: operator actions on the store that AWS's APIs do not offer.</summary>
internal static class AdminCommand
{
    public static Command Build()
    {
        var command = new Command("admin", "Operator actions on the Crossgate store.");
        command.Subcommands.Add(BuildCreateAccount());
        return command;
    }

    /// <summary><c>crossgate admin create-account</c>: a standalone account (outside any organization) with a root
    /// key in profile <c>crossgate-ID</c>, so that an outsider can be tried.</summary>
    private static Command BuildCreateAccount()
    {
        var store = new StoreOptions();
        var id = new Option<string?>("--id") { Description = "12-digit account id (random when left out)." };
        id.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && (value.Length != 12 || !value.All(char.IsAsciiDigit)))
            {
                result.AddError($"--id must be a 12-digit account id, not '{value}'.");
            }
        });
        var name = new Option<string?>("--name") { Description = "Account name (default 'Account ID')." };
        var command = new Command("create-account", "Create a standalone account with a root access key, added to DIR/credentials as profile crossgate-ID.");
        store.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(name);
        command.SetAction(parse =>
        {
            if (parse.GetValue(store.Postgres) is not { Length: > 0 } && StoreOptions.MissingStoreMessage(store.DataDirectory(parse)) is { } missing)
            {
                parse.InvocationConfiguration.Error.WriteLine(missing);
                return CrossgateCli.UsageError;
            }

            return RunAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), store.CredentialsPath(parse),
                parse.GetValue(id), parse.GetValue(name), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, string? postgres, string credentialsPath, string? id, string? name, TextWriter output, TextWriter error)
    {
        await using var store = await DirectoryStoreFactory.OpenAsync(dataDirectory, postgres);
        var services = new CrossgateServices(store);
        var accountId = id ?? await AccountBootstrap.NewAccountIdAsync(store);
        var profile = $"{ServeCommand.Profile}-{accountId}";
        var rootKey = await AccountBootstrap.CreateAsync(services, accountId, name ?? $"Account {accountId}",
            key => SharedCredentialsFile.SetProfile(credentialsPath, profile, key.AccessKeyId, key.SecretAccessKey));
        if (rootKey is null)
        {
            error.WriteLine($"Account {accountId} exists already.");
            return 1;
        }

        output.WriteLine($"Created account {accountId} with a root access key: profile '{profile}' in {credentialsPath}.");
        output.WriteLine($"AWS_SHARED_CREDENTIALS_FILE={credentialsPath} AWS_PROFILE={profile}");
        return 0;
    }
}
