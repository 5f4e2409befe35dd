using System.Diagnostics;
using Crossgate.Directory;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Tests.Store;

/// <summary><c>crossgate serve</c> on a new store, killed with SIGKILL at random moments of its first start, 20
/// times: the store always opens, and it holds either no account yet (the next start creates it) or an account whose
/// root key is the complete <c>[crossgate]</c> profile of the credentials file.</summary>
public sealed class FirstStartKillTests
{
    private const string Account = "123456789012";

    [Fact]
    public async Task A_first_start_killed_at_any_moment_leaves_a_complete_store_and_profile_or_none()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "crossgate.dll");
        var random = new Random(20);
        var outcomes = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "crossgate-first-" + Guid.NewGuid().ToString("N"));
            try
            {
                var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in new[] { cli, "serve", "--data", folder, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }) info.ArgumentList.Add(arg);
                using (var child = Process.Start(info)!)
                {
                    if (round == 19)
                    {
                        // The last round is killed only once the start has finished, so the test always sees a
                        // complete store too, however slow the machine is.
                        await WaitForEndpointAsync(child);
                    }
                    else
                    {
                        await Task.Delay(random.Next(200, 3000));
                    }

                    child.Kill();
                    await child.WaitForExitAsync();
                }

                await using var store = await DirectoryStoreFactory.OpenAsync(folder);
                var credentials = Path.Combine(folder, "credentials");
                if (await store.GetAccountAsync(Account) is null)
                {
                    outcomes.Add("none");
                    continue;
                }

                Assert.True(File.Exists(credentials), $"round {round}: the account exists but no credentials file");
                var lines = File.ReadAllLines(credentials);
                Assert.Contains("[crossgate]", lines);
                var keyId = Value(lines, "aws_access_key_id");
                var secret = Value(lines, "aws_secret_access_key");
                var stored = (await store.ListAllAsync(EntityKinds.AccessKeys, Account)).Select(k => k.Value).ToList();
                Assert.Contains(stored, k => k.AccessKeyId == keyId && k.SecretAccessKey == secret);
                outcomes.Add("complete");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        Assert.Contains("complete", outcomes);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForEndpointAsync(Process child)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("Crossgate endpoint:", StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private static string? Value(string[] lines, string name) =>
        lines.Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == name).Select(p => p[1].Trim()).FirstOrDefault();
}
