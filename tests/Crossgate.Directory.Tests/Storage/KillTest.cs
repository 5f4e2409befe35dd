using System.Diagnostics;
using System.Globalization;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;
using Crossgate.Tests.Shared;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>A child process writes to a store from four concurrent writers, printing each user's name after its
/// commit returned; it is killed with SIGKILL at a random moment and restarted on the same store, 20 times: the store
/// always opens and every write it acknowledged is there. Runs on SQLite and on PostgreSQL.</summary>
public abstract class KillTestContract
{
    public const string WriterCommand = "kill-writer";
    private const string Account = "111111111111";
    private const int Rounds = 20;
    private const string PostgresPrefix = "postgres:";

    /// <summary>The child's store: a SQLite file path, or <c>postgres:</c> and a connection string.</summary>
    protected abstract Task<string> TargetAsync();

    [ContractFact]
    public async Task Acknowledged_writes_survive_20_SIGKILLs_under_concurrent_writers()
    {
        var target = await TargetAsync();
        var random = new Random(9);
        var acknowledged = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var wanted = random.Next(10, 120);
            var seen = 0;
            var enough = new TaskCompletionSource();
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { typeof(KillTestContract).Assembly.Location, WriterCommand, target, round.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(arg);
            using var child = Process.Start(info)!;
            child.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not { Length: > 0 } line || !line.StartsWith("writer-", StringComparison.Ordinal)) return;
                lock (acknowledged)
                {
                    acknowledged.Add(line);
                    if (++seen >= wanted) enough.TrySetResult();
                }
            };
            child.BeginOutputReadLine();
            var stderr = child.StandardError.ReadToEndAsync();
            var finished = await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(60)), child.WaitForExitAsync());
            Assert.True(finished == enough.Task, $"round {round}: the writer did not acknowledge {wanted} writes: " + await WithTimeout(stderr));
            child.Kill(); // SIGKILL on Unix: no cleanup runs in the child.
            await child.WaitForExitAsync();
        }

        await using var store = await OpenAsync(target);
        var stored = (await store.ListAllAsync(EntityKinds.Users, Account)).Select(u => u.Value.UserName).ToHashSet();
        string[] acked;
        lock (acknowledged)
        {
            acked = [.. acknowledged];
        }

        var missing = acked.Where(n => !stored.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acked.Length} acknowledged writes lost, e.g. {string.Join(",", missing.Take(5))}");
        Assert.True(acked.Length >= Rounds * 10);
    }

    /// <summary>The child's loop: four writers, one user and one audit event per commit, acknowledged after commit.</summary>
    internal static async Task RunWriterAsync(string target, string round)
    {
        await using var store = await OpenAsync(target);
        var output = TextWriter.Synchronized(Console.Out);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                var name = $"writer-{round}-{w}-{n.ToString("D6", CultureInfo.InvariantCulture)}";
                var user = new IamUser { AccountId = Account, UserName = name, UserId = UniqueIds.NewUserId() };
                var audit = new AuditEvent { EventId = name, EventSource = "iam.amazonaws.com", EventName = "CreateUser", EventTime = DateTimeOffset.UtcNow };
                var result = await store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user).Append(audit));
                if (!result.Success) throw new InvalidOperationException(result.ToString());
                output.WriteLine(name);
                output.Flush();
            }
        })));
    }

    private static async Task<IDirectoryStore> OpenAsync(string target) =>
        target.StartsWith(PostgresPrefix, StringComparison.Ordinal)
            ? await PostgresDirectoryStore.OpenAsync(target[PostgresPrefix.Length..], new SecretSealer(new byte[32]))
            : await SqliteDirectoryStore.OpenAsync(target);

    private static async Task<string> WithTimeout(Task<string> text) =>
        await Task.WhenAny(text, Task.Delay(2000)) == text ? await text : "(no stderr)";

    protected static string Postgres(string connectionString) => PostgresPrefix + connectionString;
}

public sealed class KillTest : KillTestContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-kill-" + Guid.NewGuid().ToString("N"));

    protected override Task<string> TargetAsync() => Task.FromResult(Path.Combine(_folder, SqliteDirectoryStore.FileName));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresKillTest(PostgresServer server) : KillTestContract
{
    protected override async Task<string> TargetAsync() => Postgres(await server.CreateDatabaseAsync());
}
