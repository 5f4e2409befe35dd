using System.CommandLine;
using System.Runtime.InteropServices;
using Crossgate.Directory;
using Crossgate.Directory.Sessions;
using Crossgate.Platform.Aws;
using Crossgate.Web.Hosting;
using Crossgate.Web.Service;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate serve</c>: the local IAM, STS and Organizations endpoint. On a new store it creates the
/// management account with a root access key and writes it to <c>DIR/credentials</c> as profile <c>crossgate</c>.
/// Every answered request goes to the audit trail (<c>crossgate trail</c>).</summary>
internal static class ServeCommand
{
    public const string Profile = "crossgate";

    public static Command Build()
    {
        var store = new StoreOptions();
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 8770 };
        var host = new Option<string>("--host") { Description = "Interface to bind (an IP address or localhost).", DefaultValueFactory = _ => "127.0.0.1" };
        var accountId = new Option<string>("--account-id")
        {
            Description = $"Id of the management account created on a new store (default {AccountBootstrap.DefaultManagementAccountId}).",
            DefaultValueFactory = _ => AccountBootstrap.DefaultManagementAccountId,
        };
        accountId.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || value.Length != 12 || !value.All(char.IsAsciiDigit))
            {
                result.AddError($"--account-id must be a 12-digit account id, not '{value}'.");
            }
        });
        var jsonLogs = new Option<bool>("--json-logs") { Description = "Log one JSON object per line." };
        var accessLog = new Option<bool>("--access-log") { Description = "Log one line per answered request (off by default; the audit trail records every call)." };
        var platformRole = new Option<string?>("--platform-role")
        {
            Description = $"The role the platform (console and API) acts as: an ARN, or a name in the management account (default {PlatformSessions.DefaultRoleName}, when it exists).",
        };
        var checkEvery = PlatformServeCommand.CheckEveryOption("off");

        var command = new Command("serve", "Serve IAM, STS and Organizations locally for the AWS CLI and SDKs (--endpoint-url).");
        store.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(accountId);
        command.Options.Add(jsonLogs);
        command.Options.Add(accessLog);
        command.Options.Add(platformRole);
        command.Options.Add(checkEvery);
        command.SetAction(parse => RunAsync(
            store.DataDirectory(parse), parse.GetValue(store.Postgres), store.CredentialsPath(parse), parse.GetValue(host)!, parse.GetValue(port),
            parse.GetValue(accountId)!, new LogChoice(parse.GetValue(jsonLogs), parse.GetValue(accessLog)),
            new PlatformChoice(parse.GetValue(platformRole), PlatformServeCommand.ParseCheckEvery(parse.GetValue(checkEvery))),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).GetAwaiter().GetResult());
        return command;
    }

    private sealed record LogChoice(bool Json, bool AccessLog);

    private sealed record PlatformChoice(string? Role, TimeSpan? CheckEvery);

    private static async Task<int> RunAsync(string dataDirectory, string? postgres, string credentialsPath, string host, int port, string accountId, LogChoice logs,
        PlatformChoice platformChoice, TextWriter output, TextWriter error)
    {
        await using var store = await DirectoryStoreFactory.OpenAsync(dataDirectory, postgres);
        var services = new CrossgateServices(store, sessionTokens: SessionTokenKeyFile.Load(dataDirectory));
        var rootKey = await AccountBootstrap.CreateAsync(services, accountId, "Management");
        if (rootKey is not null)
        {
            SharedCredentialsFile.SetProfile(credentialsPath, Profile, rootKey.AccessKeyId, rootKey.SecretAccessKey);
            output.WriteLine($"Created management account {accountId} with a root access key (profile '{Profile}' in {credentialsPath}).");
        }

        var (roleArn, roleError) = await PlatformSessions.ResolveRoleAsync(services, platformChoice.Role, accountId);
        if (roleError is not null)
        {
            error.WriteLine(roleError);
            return CrossgateCli.UsageError;
        }

        // The platform beside the endpoint: it calls this same endpoint with sessions the local STS issues to it.
        await using var platformStores = await PlatformStores.OpenAsync(dataDirectory, postgres, CancellationToken.None);
        using var platformCredentials = new LocalPlatformCredentials(services, roleArn, accountId);
        var connection = new PlatformConnection(new AwsTarget(new Uri($"http://127.0.0.1:{port}/")), platformCredentials.GetAsync, AccountsOptions.Http);
        await using var platform = new PlatformService(new PlatformServiceOptions
        {
            Registry = platformStores.Accounts, Store = platformStores.Store, Connection = connection, CheckEvery = platformChoice.CheckEvery,
        });

        await using var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = host, Port = port, JsonLogs = logs.Json, AccessLog = logs.AccessLog },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            observers: [new AuditTrailObserver(store)],
            extension: new PlatformHostExtension(platform));
        await server.StartAsync();
        connection.RetargetTo(new AwsTarget(new Uri(server.BaseAddress.ToString().Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal))));
        var endpoint = server.BaseAddress.ToString().TrimEnd('/');
        output.WriteLine($"Crossgate endpoint: {endpoint}");
        if (SharedCredentialsFile.HasProfile(credentialsPath, Profile))
        {
            output.WriteLine($"export AWS_SHARED_CREDENTIALS_FILE={credentialsPath} AWS_PROFILE={Profile}");
        }
        else
        {
            output.WriteLine($"(no profile '{Profile}' in {credentialsPath}; this store was created elsewhere)");
        }

        output.WriteLine($"aws --endpoint-url {endpoint} sts get-caller-identity");
        output.WriteLine($"The platform acts as {platformCredentials.Identity}, with sessions the local STS issues to it.");
        PlatformServeCommand.WriteConsoleBanner(output, server.BaseAddress, platform);
        await WaitForShutdownSignalAsync();
        output.WriteLine("Crossgate stopping.");
        await server.StopAsync();
        return 0;
    }

    /// <summary>Completes on SIGINT or SIGTERM, which are then handled here instead of killing the process, so that
    /// in-flight requests drain and the store closes cleanly.</summary>
    internal static async Task WaitForShutdownSignalAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await stop.Task;
    }
}
