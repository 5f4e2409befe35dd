using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Crossgate.Directory;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary><c>crossgate serve</c>: a busy port in one line before any store exists; a store holding an organization
/// served as it is, with its profiles and a command to try with each; the list of operations from the handlers.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("crossgate-serve-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_busy_port_is_one_line_exit_2_and_no_store()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Path.Combine(_folder, "never-created");

        var (exit, output, error) = CliRunner.Run("serve", "--data", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal($"crossgate serve: 127.0.0.1:{port} is in use by another program; stop it or choose another --port.", error.TrimEnd('\n', '\r'));
        Assert.False(System.IO.Directory.Exists(data));
    }

    [Fact]
    public void The_operations_list_is_the_checked_in_page()
    {
        var (exit, output, _) = CliRunner.Run("serve", "--list-operations");

        Assert.Equal(0, exit);
        foreach (var operation in new[] { "- AssumeRole\n", "- GetCallerIdentity\n", "- CreateRole\n", "- SimulatePrincipalPolicy\n", "- ListAccounts\n", "- CreateOrganization\n" })
        {
            Assert.Contains(operation, output);
        }

        var page = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "docs", "operations.md")).ReplaceLineEndings("\n");
        Assert.True(page == output, "docs/operations.md differs from `crossgate serve --list-operations`; regenerate it with:\n" +
                                    "  dotnet run --project src/Crossgate.Cli -- serve --list-operations > docs/operations.md");
    }

    [Fact]
    public async Task The_readme_lists_what_the_handlers_serve()
    {
        var summary = Crossgate.Cli.Serving.OperationsList.RenderSummary(await Crossgate.Cli.Serving.OperationsList.OperationsAsync());

        Assert.Contains("- **STS** (Query, 2011-06-15), ", summary);
        Assert.Contains("GetAccessKeyLastUsed", summary);
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        Assert.True(readme.Contains("\n\n" + summary + "\n", StringComparison.Ordinal),
            "README.md's 'What the endpoint serves' list differs from the handlers; it should read:\n" + summary);
    }

    [Fact]
    public async Task A_store_with_an_organization_is_served_as_it_is_with_its_profiles()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _folder).ExitCode);
        var port = FreePort();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "crossgate.dll"), "serve", "--data", _folder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new List<string>();
        using (var server = Process.Start(start)!)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                while (await server.StandardOutput.ReadLineAsync(limit.Token) is { } line)
                {
                    lines.Add(line);
                    if (line.Contains("--profile example-outsider", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        var text = string.Join('\n', lines);
        Assert.StartsWith("Serving organization o-", lines[0]);
        Assert.Contains("(management account 111111111111)", lines[0]);
        Assert.DoesNotContain("Created management account", text);
        Assert.Contains($"Crossgate endpoint: http://127.0.0.1:{port}", text);
        Assert.Contains($"export AWS_SHARED_CREDENTIALS_FILE={Path.Combine(_folder, "credentials")} AWS_PROFILE=example-root", text);
        Assert.Contains("arn:aws:iam::111111111111:user/bob", text);
        Assert.Contains($"aws --endpoint-url http://127.0.0.1:{port} --profile example-bob sts assume-role --role-arn arn:aws:iam::222222222222:role/CrossAccount-B", text);
        Assert.Contains("arn:aws:iam::444444444444:root", text);
        foreach (var profile in new[] { "example-root", "example-alex", "example-bob", "example-outsider" })
        {
            Assert.Contains($"--profile {profile} ", text);
        }

        await using var store = await DirectoryStoreFactory.OpenAsync(_folder);
        Assert.Null(await store.GetAccountAsync(Crossgate.Server.Application.AccountBootstrap.DefaultManagementAccountId));
    }

    [Fact]
    public void An_account_creation_time_out_of_range_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("serve", "--data", Path.Combine(_folder, "never-created"), "--account-creation-seconds", "-1");

        Assert.Equal(2, exit);
        Assert.Contains("--account-creation-seconds must be between 0 and 3600, not -1.", error);
    }

    [Fact]
    public async Task With_no_account_creation_time_a_created_account_has_succeeded_at_once()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _folder).ExitCode);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "crossgate.dll"), "serve", "--data", _folder, "--port",
                     port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--account-creation-seconds", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var server = Process.Start(start)!;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await server.StandardOutput.ReadLineAsync(limit.Token) is { } line && !line.Contains("Crossgate endpoint:", StringComparison.Ordinal))
            {
            }

            using var http = new HttpClient();
            var organizations = new Crossgate.Platform.Aws.JsonClient(http, new Crossgate.Platform.Aws.AwsTarget(new Uri($"http://127.0.0.1:{port}/")),
                RootCredentials(), "organizations", "AWSOrganizationsV20161128");
            var created = await organizations.CallAsync("CreateAccount", new() { ["AccountName"] = "Sandbox", ["Email"] = "sandbox@example.com" }, limit.Token);
            var requestId = created!["CreateAccountStatus"]!["Id"]!.GetValue<string>();

            var status = await organizations.CallAsync("DescribeCreateAccountStatus", new() { ["CreateAccountRequestId"] = requestId }, limit.Token);

            Assert.Equal("SUCCEEDED", status!["CreateAccountStatus"]!["State"]!.GetValue<string>());
            Assert.Matches("^[0-9]{12}$", status["CreateAccountStatus"]!["AccountId"]!.GetValue<string>());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Read from the file serve wrote, not through the process-wide <c>AWS_SHARED_CREDENTIALS_FILE</c>,
    /// which tests running beside this one would see.</summary>
    private Crossgate.Platform.Aws.AwsCredentialSet RootCredentials()
    {
        var (keyId, secret) = ExampleProfilesTests.ReadProfiles(Path.Combine(_folder, "credentials"))["example-root"];
        return new(keyId, secret, null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
