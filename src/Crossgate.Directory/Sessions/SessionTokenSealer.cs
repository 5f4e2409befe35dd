using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Sessions;

/// <summary>
/// Session tokens that carry their session, as STS's own do: the session (role, name, policies, tags, expiry and
/// its secret) encrypted and authenticated with AES-256-GCM under the server's key, bound to its <c>ASIA…</c> key id.
/// Issuing a session therefore writes nothing, and any server holding the key can verify a request signed with it
/// without a store read; a token that was altered, or presented with another key id, does not open.
/// </summary>
public sealed class SessionTokenSealer
{
    public const int KeyBytes = 32;

    private const byte FormatVersion = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    private readonly byte[] _key;

    // An AesGcm holds the expanded key and an OpenSSL context; building one per token cost more than the encryption.
    // One instance is not safe for concurrent use, so each call takes one from here and gives it back.
    private readonly ConcurrentQueue<AesGcm> _ciphers = new();

    private SessionTokenSealer(byte[] key) => _key = key;

    public static SessionTokenSealer FromKey(ReadOnlySpan<byte> key) =>
        key.Length == KeyBytes ? new SessionTokenSealer(key.ToArray()) : throw new ArgumentException($"A session token key has {KeyBytes} bytes.", nameof(key));

    /// <summary>A key of this process only: its tokens are refused after a restart.</summary>
    public static SessionTokenSealer WithRandomKey() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The token for <paramref name="session"/> (whose own <see cref="StsSession.SessionToken"/> is not
    /// part of it).</summary>
    public string Seal(StsSession session)
    {
        var plain = DirectoryJson.SerializeToUtf8Bytes(session with { SessionToken = string.Empty });
        var sealedBytes = new byte[HeaderBytes + plain.Length];
        sealedBytes[0] = FormatVersion;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        var aes = RentCipher();
        try
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(HeaderBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), AssociatedData(session.AccessKeyId));
        }
        finally
        {
            ReturnCipher(aes);
        }

        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The session sealed in <paramref name="token"/> for <paramref name="accessKeyId"/>, with the token
    /// set; null when the token is not one of this key's (forged, altered, another key id, or not sealed at all).
    /// Expiry is the caller's to check.</summary>
    public StsSession? Open(string accessKeyId, string token)
    {
        if (token.Length < 4 || Base64.GetMaxDecodedFromUtf8Length(token.Length) > 64 * 1024)
        {
            return null;
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(token.Length)];
        if (!Convert.TryFromBase64String(token, bytes, out var length) || length <= HeaderBytes || bytes[0] != FormatVersion)
        {
            return null;
        }

        var sealedBytes = bytes.AsSpan(0, length);
        // Base64 ignores the spare bits of the last character; only the canonical spelling of the bytes is the token
        // STS issued, so any other spelling is an altered token.
        if (!string.Equals(Convert.ToBase64String(sealedBytes), token, StringComparison.Ordinal))
        {
            return null;
        }

        var plain = new byte[length - HeaderBytes];
        var aes = RentCipher();
        try
        {
            aes.Decrypt(sealedBytes.Slice(1, NonceBytes), sealedBytes[HeaderBytes..], sealedBytes.Slice(1 + NonceBytes, TagBytes), plain, AssociatedData(accessKeyId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            ReturnCipher(aes);
        }

        try
        {
            var session = DirectoryJson.Deserialize<StsSession>(plain);
            return string.Equals(session.AccessKeyId, accessKeyId, StringComparison.Ordinal) ? session with { SessionToken = token } : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private AesGcm RentCipher() => _ciphers.TryDequeue(out var aes) ? aes : new AesGcm(_key, TagBytes);

    private void ReturnCipher(AesGcm aes)
    {
        if (_ciphers.Count < 4 * Environment.ProcessorCount)
        {
            _ciphers.Enqueue(aes);
        }
        else
        {
            aes.Dispose();
        }
    }

    private static byte[] AssociatedData(string accessKeyId) => Encoding.UTF8.GetBytes("crossgate-session:" + accessKeyId);
}
