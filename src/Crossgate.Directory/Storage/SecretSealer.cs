using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Directory.Storage;

/// <summary>Seals the secrets a store keeps (secret access keys, session secrets and tokens, MFA seeds) with
/// AES-256-GCM under a key kept apart from the data: the <c>CROSSGATE_STORE_KEY</c> environment variable (32 bytes,
/// base64) when set, otherwise a 0600 key file beside the store. A sealed value reads
/// <c>sealed:v1:BASE64(nonce | tag | ciphertext)</c>; the field's name is authenticated with it, so a sealed value
/// cannot be moved to another field. The key is needed to verify signatures, so it cannot be a one-way hash.</summary>
public sealed class SecretSealer
{
    public const string EnvironmentVariable = "CROSSGATE_STORE_KEY";
    public const string KeyFileName = "store.key";
    private const string Prefix = "sealed:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public SecretSealer(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("A store key is 32 bytes.", nameof(key));
        _key = key;
    }

    /// <summary>Where the key came from, for messages: the environment variable or the key file's path.</summary>
    public string Source { get; private init; } = "memory";

    public static bool IsSealed(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The key from <see cref="EnvironmentVariable"/>, or from <paramref name="folder"/>'s key file, created
    /// (0600, atomically) when missing.</summary>
    public static SecretSealer ForFolder(string folder)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{EnvironmentVariable} must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
            }

            if (key.Length != 32) throw new InvalidOperationException($"{EnvironmentVariable} must be 32 bytes in base64, not {key.Length} bytes.");
            return new SecretSealer(key) { Source = EnvironmentVariable };
        }

        var path = Path.Combine(Path.GetFullPath(folder), KeyFileName);
        return new SecretSealer(ReadOrCreateKeyFile(path)) { Source = path };
    }

    public string Seal(string plaintext, string field)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(field));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext of a sealed value; a value that was never sealed (a store from before sealing) is
    /// returned as it is.</summary>
    public string Unseal(string value, string field)
    {
        if (!IsSealed(value)) return value;
        var sealedBytes = Convert.FromBase64String(value[Prefix.Length..]);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("A sealed secret is truncated.");
        var data = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), data, Encoding.UTF8.GetBytes(field));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException($"A secret in the store was sealed with another key than the one from {Source}.", e);
        }

        return Encoding.UTF8.GetString(data);
    }

    private static byte[] ReadOrCreateKeyFile(string path)
    {
        if (File.Exists(path)) return ReadKeyFile(path);
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(folder);
        else System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temp, options))
        {
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            file.Flush(flushToDisk: true);
        }

        try
        {
            // No overwrite: when two processes create the store at once, the first key wins and both use it.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return ReadKeyFile(path);
        }
    }

    private static byte[] ReadKeyFile(string path)
    {
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (key.Length != 32) throw new InvalidOperationException($"{path} does not hold a 32-byte store key.");
        return key;
    }
}
