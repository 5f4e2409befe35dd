using System.CommandLine;
using Crossgate.Platform.Aws;
using Crossgate.Web.Hosting;
using Crossgate.Web.Service;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate platform serve</c>: the console and the API alone, for accounts in real AWS (or at
/// <c>--endpoint-url</c>), acting with the standard AWS credential chain. Checks every account every
/// <c>--check-every</c> (24h unless <c>off</c>).</summary>
internal static class PlatformServeCommand
{
    public static Command Build()
    {
        var store = new StoreOptions();
        var accounts = new AccountsOptions();
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 8780 };
        var host = new Option<string>("--host") { Description = "Interface to bind (an IP address or localhost).", DefaultValueFactory = _ => "127.0.0.1" };
        var checkEvery = CheckEveryOption("24h");
        var command = new Command("serve", "Serve the platform's web console (/console/) and REST API (/api/v1/).") { port, host, checkEvery };
        store.AddTo(command);
        command.Options.Add(accounts.EndpointUrl);
        command.Options.Add(accounts.Region);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var (target, targetError) = accounts.Target(parse);
            if (target is null)
            {
                await error.WriteLineAsync(targetError);
                return CrossgateCli.UsageError;
            }

            await using var stores = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation);
            var connection = new PlatformConnection(target, _ => ValueTask.FromResult(ChainCredentials()), AccountsOptions.Http);
            // The console's access graph reads the directory store when there is one (init, import); none is created.
            await using var directory = parse.GetValue(store.Postgres) is { Length: > 0 } || StoreOptions.MissingStoreMessage(store.DataDirectory(parse)) is null
                ? await store.OpenAsync(parse, cancellation)
                : null;
            await using var platform = new PlatformService(new PlatformServiceOptions
            {
                Registry = stores.Accounts, Store = stores.Store, Connection = connection, CheckEvery = ParseCheckEvery(parse.GetValue(checkEvery)),
                Directory = directory,
            });
            await using var web = PlatformHost.Create(platform, parse.GetValue(host)!, parse.GetValue(port));
            await web.StartAsync(cancellation);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Crossgate platform for {connection.EndpointDescription}, acting with the standard AWS credential chain.");
            WriteConsoleBanner(output, web.BaseAddress, platform);
            await ServeCommand.WaitForShutdownSignalAsync();
            await output.WriteLineAsync("Crossgate platform stopping.");
            await web.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary><c>--check-every 6h</c> (s, m, h or d), or <c>off</c>.</summary>
    public static Option<string> CheckEveryOption(string defaultValue)
    {
        var option = new Option<string>("--check-every")
        {
            Description = $"Check every registered account this often in the background, e.g. 30m, 6h, 1d; 'off' never.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "off" && !Durations.TryParse(value ?? string.Empty, out _))
            {
                result.AddError($"--check-every must be a duration such as 30m, 6h or 1d, or 'off'; not '{value}'.");
            }
        });
        return option;
    }

    public static TimeSpan? ParseCheckEvery(string? value) => value is null or "off" ? null : Durations.TryParse(value, out var every) ? every : null;

    /// <summary>Where the console and API are, and the one-time login URL (alone on its line, real host and port).</summary>
    public static void WriteConsoleBanner(TextWriter output, Uri baseAddress, PlatformService platform)
    {
        var root = baseAddress.ToString().TrimEnd('/');
        output.WriteLine($"Console: {root}/console/   API: {root}/api/v1/ (bearer tokens: crossgate platform token create --name NAME)");
        if (platform.Scheduler is { } scheduler)
        {
            output.WriteLine($"Checking every account every {Durations.Format(scheduler.Interval)}.");
        }

        output.WriteLine("Open the console with this one-time login URL:");
        output.WriteLine($"{root}/console/login?token={platform.Sessions.OneTimeToken}");
        output.Flush();
    }

    private static AwsCredentialSet ChainCredentials()
    {
        var (credentials, error) = AccountsOptions.Credentials();
        return credentials ?? throw new PlatformUnavailableException(error!);
    }
}
