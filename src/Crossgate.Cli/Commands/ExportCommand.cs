using System.CommandLine;
using System.Text;
using Crossgate.Directory.Export;

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
            await using var directory = await store.OpenAsync(parse, cancellation);
            var json = await AuthorizationDetailsExporter.ExportAsync(directory, parse.GetValue(account)!, cancellationToken: cancellation);
            var writer = parse.InvocationConfiguration.Output;
            await writer.WriteLineAsync(json);
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }
}
