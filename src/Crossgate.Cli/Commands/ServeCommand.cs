using System.CommandLine;
using System.Runtime.InteropServices;
using Crossgate.Cli.Serving;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Sessions;
using Crossgate.Platform.Aws;
using Crossgate.Web.Hosting;
using Crossgate.Web.Service;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;
using Crossgate.Server.Services.Iam;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate serve</c>: the local IAM, STS and Organizations endpoint. On a store without an organization
/// it creates the management account (when missing) with a root access key and writes it to <c>DIR/credentials</c>
/// as profile <c>crossgate</c>; a store holding an organization is served as it is.
/// Every answered request goes to the audit trail (<c>crossgate trail</c>).</summary>
internal static class ServeCommand
{
    public const string Profile = "crossgate";

    /// <summary>Exit code when the port is taken or the address cannot be bound: a usage error (choose another
    /// <c>--port</c> or <c>--host</c>), reported in one line before any store is created.</summary>
    public const int AddressUnavailable = CrossgateCli.UsageError;

    public static Command Build()
    {
        var store = new StoreOptions();
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 8770 };
        var host = new Option<string>("--host") { Description = "Interface to bind (an IP address or localhost).", DefaultValueFactory = _ => "127.0.0.1" };
        var accountId = new Option<string>("--account-id")
        {
            Description = "Id of the management account created on a new store; a store that holds an organization is served as it is.",
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
        var listOperations = new Option<bool>("--list-operations") { Description = "Print the IAM, STS and Organizations operations the endpoint answers, and exit." };
        var accessLog = new Option<bool>("--access-log") { Description = "Log one line per answered request (off by default; the audit trail records every call)." };
        var platformRole = new Option<string?>("--platform-role")
        {
            Description = $"The role the platform (console and API) acts as: an ARN, or a name in the management account (default {PlatformSessions.DefaultRoleName}, when it exists).",
        };
        var checkEvery = PlatformServeCommand.CheckEveryOption("off");
        var accountCreationSeconds = new Option<int>("--account-creation-seconds")
        {
            Description = "How long an Organizations CreateAccount stays IN_PROGRESS before it has SUCCEEDED (AWS takes minutes; 0 answers at once).",
            DefaultValueFactory = _ => (int)CrossgateServices.DefaultAccountCreationTime.TotalSeconds,
        };
        accountCreationSeconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 3600)
            {
                result.AddError($"--account-creation-seconds must be between 0 and 3600, not {result.GetValueOrDefault<int>()}.");
            }
        });

        var command = new Command("serve", "Serve IAM, STS and Organizations locally for the AWS CLI and SDKs (--endpoint-url).");
        store.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(accountId);
        command.Options.Add(jsonLogs);
        command.Options.Add(listOperations);
        command.Options.Add(accessLog);
        command.Options.Add(platformRole);
        command.Options.Add(checkEvery);
        command.Options.Add(accountCreationSeconds);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(listOperations))
            {
                output.Write(OperationsList.RenderAsync().GetAwaiter().GetResult());
                output.Flush();
                return 0;
            }

            if (PortProbe.Problem(parse.GetValue(host)!, parse.GetValue(port)) is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return AddressUnavailable;
            }

            return RunAsync(
                store.DataDirectory(parse), parse.GetValue(store.Postgres), store.CredentialsPath(parse), parse.GetValue(host)!, parse.GetValue(port),
                parse.GetValue(accountId)!, TimeSpan.FromSeconds(parse.GetValue(accountCreationSeconds)), new LogChoice(parse.GetValue(jsonLogs), parse.GetValue(accessLog)),
                new PlatformChoice(parse.GetValue(platformRole), PlatformServeCommand.ParseCheckEvery(parse.GetValue(checkEvery))),
                output, parse.InvocationConfiguration.Error).GetAwaiter().GetResult();
        });
        return command;
    }

    private sealed record LogChoice(bool Json, bool AccessLog);

    private sealed record PlatformChoice(string? Role, TimeSpan? CheckEvery);

    private static async Task<int> RunAsync(string dataDirectory, string? postgres, string credentialsPath, string host, int port, string accountId, TimeSpan accountCreationTime, LogChoice logs,
        PlatformChoice platformChoice, TextWriter output, TextWriter error)
    {
        await using var store = await DirectoryStoreFactory.OpenAsync(dataDirectory, postgres);
        var services = new CrossgateServices(store, sessionTokens: SessionTokenKeyFile.Load(dataDirectory)) { AccountCreationTime = accountCreationTime };
        var organization = await OrganizationOf(store);
        if (organization is not null)
        {
            output.WriteLine($"Serving organization {organization.Id} (management account {organization.ManagementAccountId}) from {store.Description}.");
        }
        // The profile is written (atomically) before the account and key are committed (together).
        else if (await AccountBootstrap.CreateAsync(services, accountId, "Management",
            key => SharedCredentialsFile.SetProfile(credentialsPath, Profile, key.AccessKeyId, key.SecretAccessKey)) is not null)
        {
            output.WriteLine($"Created management account {accountId} with a root access key (profile '{Profile}' in {credentialsPath}).");
            output.WriteLine("It is a standalone account until it calls organizations create-organization.");
        }

        // On a store that holds an organization the platform's default role lives in its management account.
        var managementAccountId = organization?.ManagementAccountId ?? accountId;
        var (roleArn, roleError) = await PlatformSessions.ResolveRoleAsync(services, platformChoice.Role, managementAccountId);
        if (roleError is not null)
        {
            error.WriteLine(roleError);
            return CrossgateCli.UsageError;
        }

        // The platform beside the endpoint: it calls this same endpoint with sessions the local STS issues to it.
        await using var platformStores = await PlatformStores.OpenAsync(dataDirectory, postgres, CancellationToken.None);
        using var platformCredentials = new LocalPlatformCredentials(services, roleArn, managementAccountId);
        var connection = new PlatformConnection(new AwsTarget(new Uri($"http://127.0.0.1:{port}/")), platformCredentials.GetAsync, AccountsOptions.Http);
        await using var platform = new PlatformService(new PlatformServiceOptions
        {
            Registry = platformStores.Accounts, Store = platformStores.Store, Connection = connection, CheckEvery = platformChoice.CheckEvery,
            Directory = store,
        });

        // Declared before the server, so disposed after it: the uses of the last requests are stored too.
        await using var lastUsed = new LastUsedRecorder(store);
        await using var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = host, Port = port, JsonLogs = logs.Json, AccessLog = logs.AccessLog },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            observers: [new AuditTrailObserver(store), lastUsed],
            extension: new PlatformHostExtension(platform));
        try
        {
            await server.StartAsync();
        }
        catch (IOException ex)
        {
            // Taken between the probe and the bind.
            error.WriteLine(PortProbe.InUse(host, port, ex.InnerException));
            return AddressUnavailable;
        }

        connection.RetargetTo(new AwsTarget(new Uri(server.BaseAddress.ToString().Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal))));
        var endpoint = server.BaseAddress.ToString().TrimEnd('/');
        output.WriteLine($"Crossgate endpoint: {endpoint}");
        await ServedProfiles.WriteAsync(store, credentialsPath, endpoint, output);
        output.WriteLine($"The platform acts as {platformCredentials.Identity}, with sessions the local STS issues to it.");
        PlatformServeCommand.WriteConsoleBanner(output, server.BaseAddress, platform);
        output.Flush();
        await WaitForShutdownSignalAsync();
        output.WriteLine("Crossgate stopping.");
        await server.StopAsync();
        return 0;
    }

    private static async Task<Organization?> OrganizationOf(IDirectoryStore store)
    {
        var page = await store.ListAsync(EntityKinds.Organizations, EntityKinds.Global, new ListQuery { MaxItems = 1 });
        return page.Items.Count > 0 ? page.Items[0].Value : null;
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
