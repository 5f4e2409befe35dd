using System.Diagnostics;
using System.Globalization;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>A child process writes to a SQLite store in a loop, printing the number of each write after its commit
/// returned; it is killed with SIGKILL mid-stream, and every write it acknowledged must be in the reopened store.</summary>
public sealed class KillTest
{
    public const string WriterCommand = "kill-writer";
    private const string Account = "111111111111";

    [Fact]
    public async Task Acknowledged_writes_survive_SIGKILL()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crossgate-kill-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, SqliteDirectoryStore.FileName);
        var acknowledged = new List<int>();
        var enough = new TaskCompletionSource();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(KillTest).Assembly.Location);
        info.ArgumentList.Add(WriterCommand);
        info.ArgumentList.Add(database);

        using (var child = Process.Start(info)!)
        {
            child.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(n);
                        if (acknowledged.Count >= 150)
                        {
                            enough.TrySetResult();
                        }
                    }
                }
            };
            child.BeginOutputReadLine();
            var stderr = child.StandardError.ReadToEndAsync();
            var finished = await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(60)), child.WaitForExitAsync());
            Assert.True(finished == enough.Task, "the writer did not acknowledge 150 writes: " + await WithTimeout(stderr));

            child.Kill(); // SIGKILL on Unix: no cleanup runs in the child.
            await child.WaitForExitAsync();
            Assert.NotEqual(0, child.ExitCode);
        }

        int[] acked;
        lock (acknowledged)
        {
            acked = [.. acknowledged];
        }

        await using var store = await SqliteDirectoryStore.OpenAsync(database);
        var stored = (await store.ListAllAsync(EntityKinds.Users, Account)).Select(u => u.Value.UserName).ToHashSet();
        var missing = acked.Where(n => !stored.Contains(UserName(n))).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes lost, e.g. {string.Join(",", missing.Take(5))}");
        Assert.True(stored.Count >= acked.Length);
        Assert.Equal(acked.Length >= 1 ? acked.Length : 0, (await store.QueryAuditAsync(new AuditQuery { MaxResults = 100_000 })).Count(e => acked.Contains(int.Parse(e.EventId))));
        await store.DisposeAsync();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>The child's loop: one user and one audit event per commit, acknowledged on stdout after commit.</summary>
    internal static async Task RunWriterAsync(string database)
    {
        await using var store = await SqliteDirectoryStore.OpenAsync(database);
        for (var n = 0; ; n++)
        {
            var user = new IamUser { AccountId = Account, UserName = UserName(n), UserId = UniqueIds.NewUserId() };
            var audit = new AuditEvent { EventId = n.ToString(CultureInfo.InvariantCulture), EventSource = "iam.amazonaws.com", EventName = "CreateUser", EventTime = DateTimeOffset.UtcNow };
            var result = await store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user).Append(audit));
            if (!result.Success)
            {
                throw new InvalidOperationException(result.ToString());
            }

            Console.Out.WriteLine(n.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
    }

    private static string UserName(int n) => "writer-" + n.ToString("D6", CultureInfo.InvariantCulture);

    private static async Task<string> WithTimeout(Task<string> text) =>
        await Task.WhenAny(text, Task.Delay(2000)) == text ? await text : "(no stderr)";
}
