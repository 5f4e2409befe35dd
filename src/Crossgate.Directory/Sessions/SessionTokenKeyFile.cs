using System.Security.Cryptography;

namespace Crossgate.Directory.Sessions;

/// <summary>Where the server's session token key comes from: <c>CROSSGATE_SESSION_TOKEN_KEY</c> (base64 of 32
/// bytes; give every server sharing a PostgreSQL store the same one), otherwise <c>DIR/session-token.key</c>,
/// created on first use readable by its owner only (0600).</summary>
public static class SessionTokenKeyFile
{
    public const string EnvironmentVariable = "CROSSGATE_SESSION_TOKEN_KEY";
    public const string FileName = "session-token.key";

    public static SessionTokenSealer Load(string dataDirectory)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return FromBase64(fromEnvironment, EnvironmentVariable);
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>Writes a new key beside the store, atomically: a server started at the same moment either finds
    /// the whole key or writes its own and then reads the one that won.</summary>
    private static void Create(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SessionTokenSealer.KeyBytes)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static SessionTokenSealer FromBase64(string text, string source)
    {
        Span<byte> key = stackalloc byte[SessionTokenSealer.KeyBytes + 1];
        if (!Convert.TryFromBase64String(text, key, out var length) || length != SessionTokenSealer.KeyBytes)
        {
            throw new InvalidOperationException($"{source} must hold {SessionTokenSealer.KeyBytes} bytes in base64.");
        }

        return SessionTokenSealer.FromKey(key[..length]);
    }
}
