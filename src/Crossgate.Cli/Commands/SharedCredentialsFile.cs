using System.Text;

namespace Crossgate.Cli.Commands;

/// <summary>The AWS shared-credentials file (<c>[profile]</c> sections of <c>aws_access_key_id</c> /
/// <c>aws_secret_access_key</c>), written so that the AWS CLI and SDKs read it with <c>AWS_SHARED_CREDENTIALS_FILE</c>.</summary>
internal static class SharedCredentialsFile
{
    public const string FileName = "credentials";

    /// <summary>Adds the profile, or replaces the section of the same name; other sections are kept as they are.
    /// The file is readable by its owner only, as it holds secrets.</summary>
    public static void SetProfile(string path, string profile, string accessKeyId, string secretAccessKey, string region = "us-east-1")
    {
        var kept = new StringBuilder();
        if (File.Exists(path))
        {
            var skipping = false;
            foreach (var line in File.ReadAllLines(path))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
                {
                    skipping = string.Equals(trimmed[1..^1].Trim(), profile, StringComparison.Ordinal);
                }

                if (!skipping)
                {
                    kept.AppendLine(line);
                }
            }
        }

        var text = kept.ToString().TrimEnd();
        var section = $"[{profile}]\naws_access_key_id = {accessKeyId}\naws_secret_access_key = {secretAccessKey}\nregion = {region}\n";
        var content = text.Length == 0 ? section : text + "\n\n" + section;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Written whole to a 0600 temporary file, synced, then renamed over the old one: a process killed at any
        // moment leaves the old file or the new one, never a part.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temp, options))
        {
            file.Write(Encoding.UTF8.GetBytes(content));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static bool HasProfile(string path, string profile) =>
        File.Exists(path) && File.ReadLines(path).Any(l => l.Trim() == $"[{profile}]");

    /// <summary>Each profile's name and access key id, in the file's order (secrets are not read).</summary>
    public static IReadOnlyList<(string Profile, string AccessKeyId)> ReadProfiles(string path)
    {
        var profiles = new List<(string, string)>();
        if (!File.Exists(path))
        {
            return profiles;
        }

        string? current = null;
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                current = trimmed[1..^1].Trim();
                continue;
            }

            var equals = trimmed.IndexOf('=');
            if (current is not null && equals > 0 && trimmed[..equals].Trim() == "aws_access_key_id")
            {
                profiles.Add((current, trimmed[(equals + 1)..].Trim()));
            }
        }

        return profiles;
    }
}
