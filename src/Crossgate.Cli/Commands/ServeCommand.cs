using System.CommandLine;
using System.Runtime.InteropServices;
using Crossgate.Directory;
using Crossgate.Directory.Sessions;
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

        var command = new Command("serve", "Serve IAM, STS and Organizations locally for the AWS CLI and SDKs (--endpoint-url).");
        store.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(accountId);
        command.Options.Add(jsonLogs);
        command.Options.Add(accessLog);
        command.SetAction(parse => RunAsync(
            store.DataDirectory(parse), parse.GetValue(store.Postgres), store.CredentialsPath(parse), parse.GetValue(host)!, parse.GetValue(port),
            parse.GetValue(accountId)!, new LogChoice(parse.GetValue(jsonLogs), parse.GetValue(accessLog)), parse.InvocationConfiguration.Output).GetAwaiter().GetResult());
        return command;
    }

    private sealed record LogChoice(bool Json, bool AccessLog);

    private static async Task<int> RunAsync(string dataDirectory, string? postgres, string credentialsPath, string host, int port, string accountId, LogChoice logs, TextWriter output)
    {
        await using var store = await DirectoryStoreFactory.OpenAsync(dataDirectory, postgres);
        var services = new CrossgateServices(store, sessionTokens: SessionTokenKeyFile.Load(dataDirectory));
        // The profile is written (atomically) before the account and key are committed (together).
        var rootKey = await AccountBootstrap.CreateAsync(services, accountId, "Management",
            key => SharedCredentialsFile.SetProfile(credentialsPath, Profile, key.AccessKeyId, key.SecretAccessKey));
        if (rootKey is not null)
        {
            output.WriteLine($"Created management account {accountId} with a root access key (profile '{Profile}' in {credentialsPath}).");
        }

        await using var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = host, Port = port, JsonLogs = logs.Json, AccessLog = logs.AccessLog },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            observers: [new AuditTrailObserver(store)]);
        await server.StartAsync();
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
        output.Flush();
        await WaitForShutdownSignalAsync();
        output.WriteLine("Crossgate stopping.");
        await server.StopAsync();
        return 0;
    }

    /// <summary>Completes on SIGINT or SIGTERM, which are then handled here instead of killing the process, so that
    /// in-flight requests drain and the store closes cleanly.</summary>
    private static async Task WaitForShutdownSignalAsync()
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
