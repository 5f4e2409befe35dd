using System.Text;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>What the store's files reveal: nothing readable by others (0600), no secret in plain text (sealed with
/// the key beside the store), and nothing of a deleted key's secret.</summary>
public sealed class StoreSecretsTests : IDisposable
{
    private const string Account = "111111111111";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-secrets-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_folder, SqliteDirectoryStore.FileName);

    [Fact]
    public async Task Store_files_and_the_key_file_are_readable_by_their_owner_only()
    {
        await using (var store = await DirectoryStoreFactory.OpenAsync(_folder))
        {
            (await new IamDirectory(store).CreateUserAsync(Account, "alex")).GetValueOrThrow();
            foreach (var file in new[] { Database, Database + "-wal", Database + "-shm", Path.Combine(_folder, SecretSealer.KeyFileName) })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
    }

    [Fact]
    public async Task Secrets_are_sealed_at_rest_and_read_back_in_plain()
    {
        string secret;
        await using (var store = await DirectoryStoreFactory.OpenAsync(_folder))
        {
            var iam = new IamDirectory(store);
            (await iam.CreateUserAsync(Account, "alex")).GetValueOrThrow();
            var key = (await iam.CreateAccessKeyAsync(Account, "alex")).GetValueOrThrow();
            secret = key.SecretAccessKey;
            Assert.Equal(secret, (await store.ListAllAsync(EntityKinds.AccessKeys, Account)).Single().Value.SecretAccessKey);
        }

        Assert.False(FilesContain(secret), "the secret access key is in the store's files in plain text");
        Assert.True(FilesContain("sealed:v1:"));

        await using var reopened = await DirectoryStoreFactory.OpenAsync(_folder);
        Assert.Equal(secret, (await reopened.ListAllAsync(EntityKinds.AccessKeys, Account)).Single().Value.SecretAccessKey);
    }

    [Fact]
    public async Task A_store_opened_with_another_key_says_so_instead_of_answering_wrong_secrets()
    {
        await using (var store = await DirectoryStoreFactory.OpenAsync(_folder))
        {
            (await new IamDirectory(store).CreateUserAsync(Account, "alex")).GetValueOrThrow();
            (await new IamDirectory(store).CreateAccessKeyAsync(Account, "alex")).GetValueOrThrow();
        }

        await using var other = await SqliteDirectoryStore.OpenAsync(Database, new SecretSealer(new byte[32]));
        var error = await Assert.ThrowsAsync<System.Security.Cryptography.CryptographicException>(() => other.ListAllAsync(EntityKinds.AccessKeys, Account));
        Assert.Contains("another key", error.Message);
    }

    [Fact]
    public async Task A_deleted_keys_secret_cannot_be_read_back_from_the_files()
    {
        // Without sealing, to see that deletion itself scrubs: the plain secret must be gone from every file.
        await using var store = await SqliteDirectoryStore.OpenAsync(Database, sealer: null);
        var iam = new IamDirectory(store);
        (await iam.CreateUserAsync(Account, "alex")).GetValueOrThrow();
        var key = (await iam.CreateAccessKeyAsync(Account, "alex")).GetValueOrThrow();
        for (var i = 0; i < 20; i++) (await iam.CreateUserAsync(Account, $"filler{i}")).GetValueOrThrow();
        Assert.True(FilesContain(key.SecretAccessKey));

        (await iam.DeleteAccessKeyAsync(Account, "alex", key.AccessKeyId)).GetValueOrThrow();

        Assert.False(FilesContain(key.SecretAccessKey), "the deleted key's secret is still in the store's files");
    }

    [Fact]
    public async Task A_store_from_before_sealing_is_sealed_on_open_and_its_plain_secrets_scrubbed()
    {
        string secret;
        await using (var plain = await SqliteDirectoryStore.OpenAsync(Database, sealer: null))
        {
            var iam = new IamDirectory(plain);
            (await iam.CreateUserAsync(Account, "alex")).GetValueOrThrow();
            secret = (await iam.CreateAccessKeyAsync(Account, "alex")).GetValueOrThrow().SecretAccessKey;
        }

        await using var store = await DirectoryStoreFactory.OpenAsync(_folder);

        Assert.False(FilesContain(secret), "the old plain secret is still in the store's files");
        Assert.Equal(secret, (await store.ListAllAsync(EntityKinds.AccessKeys, Account)).Single().Value.SecretAccessKey);
    }

    /// <summary>Whether the text is in the files as it is or as stored JSON writes it (a secret's '+' becomes
    /// <c>\u002B</c> there), so that the answer does not depend on which characters a random secret holds.</summary>
    private bool FilesContain(string text) =>
        FilesContainBytes(Encoding.UTF8.GetBytes(text)) || FilesContainBytes(Encoding.UTF8.GetBytes(System.Text.Json.JsonEncodedText.Encode(text).ToString()));

    private bool FilesContainBytes(byte[] needle)
    {
        foreach (var file in new[] { Database, Database + "-wal" })
        {
            if (!File.Exists(file)) continue;
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(needle) >= 0) return true;
        }

        return false;
    }

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
