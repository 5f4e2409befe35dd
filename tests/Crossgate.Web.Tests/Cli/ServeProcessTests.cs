using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Crossgate.Cli.Tests;
using Crossgate.Directory.Examples;
using Crossgate.Tests.Shared;
using Crossgate.Web.Tests.Support;

namespace Crossgate.Web.Tests.Cli;

/// <summary><c>crossgate serve</c> and <c>crossgate platform serve</c> as real processes: the one-time login URL on
/// standard output, the console and the API on the same port as the AWS endpoint, the platform acting as
/// PlatformRole with sessions the local STS issues, and tokens made by <c>platform token create</c> working at once.</summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("crossgate-serve-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Serve_on_the_example_hosts_the_console_and_API_and_checks_accounts_as_PlatformRole()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _dir).ExitCode);
        var token = CreateToken("operator");
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(["serve", "--data", _dir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.StartsWith($"http://127.0.0.1:{port}/console/login?token=", serve.LoginUrl);
        using var api = Client(port, token);
        var platform = await (await api.GetAsync("/api/v1/platform")).Json(HttpStatusCode.OK);
        Assert.Equal($"arn:aws:sts::{ExampleOrganization.Management}:assumed-role/{ExampleOrganization.PlatformRole}/crossgate-platform", platform.GetProperty("identity").GetString());
        Assert.Contains(ExampleOrganization.PermissionGroups[0].Sid, await api.GetStringAsync("/api/v1/permissions"));

        // Target C's response role lacks the S3 group; the platform reaches it through the local STS.
        var added = await (await api.PostJson("/api/v1/accounts", Http.AddBody("target-c",
            $"arn:aws:iam::{ExampleOrganization.TargetC}:role/{ExampleOrganization.PlatformResponseRole}", externalId: ExampleOrganization.ExternalId))).Json(HttpStatusCode.Created);
        var check = added.GetProperty("lastCheck");
        Assert.Equal("incomplete", check.GetProperty("verdict").GetString());
        var groups = check.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("sid").GetString()!, g => g.GetProperty("status").GetString());
        Assert.Equal("denied", groups[ExampleOrganization.MissingInTargetC]);
        Assert.Equal("granted", groups["RequiredForEC2Import"]);

        // Without the external id the role's trust policy refuses the platform, and says so.
        var detail = await (await api.PostJson("/api/v1/accounts", Http.AddBody("target-b",
            $"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.PlatformResponseRole}"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("external id", detail);
        // PlatformRole may ask IAM's simulator about itself, so the reason says which side refused, without guessing.
        Assert.Contains($"The fault is on the target side, in account {ExampleOrganization.TargetB}", detail);
        Assert.Contains("Sent: no external id", detail);
        Assert.DoesNotContain("Likely causes", detail);

        // The one-time URL signs in once; the AWS endpoint still answers beside the console.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var first = await browser.GetAsync(serve.LoginUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("crossgate_console=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=strict"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(serve.LoginUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode);

        // A token revoked while the service runs stops at once.
        Assert.Equal(0, CliRunner.Run("platform", "token", "revoke", "operator", "--data", _dir).ExitCode);
        await (await api.GetAsync("/api/v1/accounts")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Serve_on_the_example_discovers_the_response_roles_from_Organizations_and_draws_the_access_graph()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _dir).ExitCode);
        string workloads;
        await using (var store = await Crossgate.Directory.DirectoryStoreFactory.OpenAsync(_dir))
        {
            workloads = Assert.Single(await store.ListEverywhereAsync(Crossgate.Directory.Storage.EntityKinds.OrganizationalUnits)).Value.Id;
        }

        var token = CreateToken("operator");
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(["serve", "--data", _dir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var api = Client(port, token);

        // As PlatformRole: the OU filter walks Workloads (ListAccountsForParent, ListOrganizationalUnitsForParent).
        var underOu = await (await api.PostJson("/api/v1/discover",
            $$"""{"roleName":"{{ExampleOrganization.PlatformResponseRole}}","ouIds":["{{workloads}}"],"externalId":"{{ExampleOrganization.ExternalId}}"}""")).Json(HttpStatusCode.OK);
        var rows = underOu.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("accountId").GetString()!);
        Assert.Equal([ExampleOrganization.TargetB, ExampleOrganization.TargetC], rows.Keys.Order());
        Assert.True(rows[ExampleOrganization.TargetB].GetProperty("added").GetBoolean());
        Assert.Equal("Target-B", rows[ExampleOrganization.TargetB].GetProperty("alias").GetString());

        // The whole organization (ListAccounts): the management account has no response role, and says so.
        var all = await (await api.PostJson("/api/v1/discover",
            $$"""{"roleName":"{{ExampleOrganization.PlatformResponseRole}}","externalId":"{{ExampleOrganization.ExternalId}}"}""")).Json(HttpStatusCode.OK);
        rows = all.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("accountId").GetString()!);
        Assert.Contains("Already registered", rows[ExampleOrganization.TargetC].GetProperty("reason").GetString());
        Assert.False(rows[ExampleOrganization.Management].GetProperty("added").GetBoolean());
        Assert.False(string.IsNullOrEmpty(rows[ExampleOrganization.Management].GetProperty("reason").GetString()));

        // The access graph of the served store: PlatformRole reaches the response roles only with the external id.
        var platformRole = $"arn:aws:iam::{ExampleOrganization.Management}:role/{ExampleOrganization.PlatformRole}";
        var reach = await (await api.GetAsync($"/api/v1/graph/reach?principal={Uri.EscapeDataString(platformRole)}")).Json(HttpStatusCode.OK);
        var response = reach.GetProperty("reachable").EnumerateArray()
            .Single(r => r.GetProperty("arn").GetString() == $"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.PlatformResponseRole}");
        Assert.Contains(response.GetProperty("requires").EnumerateArray(), r => r.GetString()!.Contains(ExampleOrganization.ExternalId));
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Platform_serve_alone_serves_the_console_and_the_API_with_the_credential_chain()
    {
        var token = CreateToken("operator");
        var port = FreePort();
        var unreachable = $"http://127.0.0.1:{FreePort()}/";
        await using var serve = await ServeProcess.StartAsync(
            ["platform", "serve", "--data", _dir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--endpoint-url", unreachable, "--check-every", "6h"],
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAPLATFORMSERVE001", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_EC2_METADATA_DISABLED"] = "true" });

        Assert.StartsWith($"http://127.0.0.1:{port}/console/login?token=", serve.LoginUrl);
        Assert.Contains("Checking every account every 6h", serve.Output);
        using var api = Client(port, token);
        var platform = await (await api.GetAsync("/api/v1/platform")).Json(HttpStatusCode.OK);
        Assert.Equal("6h", platform.GetProperty("checkEvery").GetString());
        var detail = await (await api.PostJson("/api/v1/accounts", Http.AddBody("prod", "arn:aws:iam::222222222222:role/Platform"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Could not reach", detail);

        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var console = await plain.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.EndsWith("/console/login", console.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public void A_bad_check_interval_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("platform", "serve", "--data", _dir, "--check-every", "sometimes");
        Assert.Equal(2, code);
        Assert.Contains("--check-every", error);
    }

    private string CreateToken(string name)
    {
        var (code, output, error) = CliRunner.Run("platform", "token", "create", "--name", name, "--data", _dir, "--output", "json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("token").GetString()!;
    }

    private static HttpClient Client(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built <c>crossgate</c> run as a child process until it prints the login URL; stopped with SIGTERM.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private ServeProcess(Process process) => _process = process;

        public string LoginUrl { get; private set; } = string.Empty;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<ServeProcess> StartAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
        {
            var dll = Path.Combine(RepositoryPaths.Root, "src", "Crossgate.Cli", "bin", "Debug", "net10.0", "crossgate.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            var serve = new ServeProcess(Process.Start(info)!);
            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            serve._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    found.TrySetException(new InvalidOperationException("crossgate exited before printing the login URL:\n" + serve.Output));
                    return;
                }

                lock (serve._output)
                {
                    serve._output.AppendLine(e.Data);
                }

                if (e.Data.StartsWith("http://", StringComparison.Ordinal) && e.Data.Contains("/console/login?token=", StringComparison.Ordinal))
                {
                    found.TrySetResult(e.Data.Trim());
                }
            };
            serve._process.ErrorDataReceived += (_, e) =>
            {
                lock (serve._output)
                {
                    serve._output.AppendLine(e.Data);
                }
            };
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();
            serve.LoginUrl = await found.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return serve;
        }

        public async Task<int> StopAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
