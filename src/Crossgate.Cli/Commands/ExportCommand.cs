using System.CommandLine;
using System.Text;
using Crossgate.Directory.Export;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate export --account ID</c>: writes the account in the shape of
/// <c>aws iam get-account-authorization-details</c> to standard output, so that import → export → import is
/// lossless.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var account = new Option<string>("--account") { Description = "The 12-digit account to export.", Required = true };
        account.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || value.Length != 12 || !value.All(char.IsAsciiDigit))
            {
                result.AddError($"--account must be a 12-digit account id, not '{value}'.");
            }
        });
        var store = new StoreOptions();
        var command = new Command("export", "Write an account's IAM state as get-account-authorization-details JSON.") { account };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            await using var directory = await store.OpenExistingAsync(parse, cancellation);
            if (directory is null)
            {
                return CrossgateCli.UsageError;
            }

            var id = parse.GetValue(account)!;
            if (!await HoldsAccountAsync(directory, id, cancellation))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Account {id} is not in {directory.Description}; nothing to export.");
                return 1;
            }

            var json = await AuthorizationDetailsExporter.ExportAsync(directory, id, cancellationToken: cancellation);
            var writer = parse.InvocationConfiguration.Output;
            await writer.WriteLineAsync(json);
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }

    /// <summary>An account is known when it was created, or when an import left IAM entities under its id.</summary>
    private static async Task<bool> HoldsAccountAsync(IDirectoryStore store, string accountId, CancellationToken cancellation)
    {
        if (await store.GetAccountAsync(accountId, cancellation) is not null)
        {
            return true;
        }

        foreach (var kind in new EntityKind[] { EntityKinds.Users, EntityKinds.Roles, EntityKinds.Groups, EntityKinds.ManagedPolicies })
        {
            if ((await store.ListScopesAsync(kind, cancellation)).Contains(accountId))
            {
                return true;
            }
        }

        return false;
    }
}
