namespace Crossgate.Cli.Tests.Accounts;

/// <summary>A fresh <c>--data</c> directory, and the platform's credentials in the environment (the standard chain
/// reads them; every test sets the same values, so parallel tests agree).</summary>
internal sealed class AccountsWorkspace : IDisposable
{
    public const string PlatformKeyId = "AKIAPLATFORMCLITEST1";
    public const string PlatformSecret = "platform-secret";
    public const string AdminKeyId = "AKIAADMINCLITEST0001";
    public const string AdminSecret = "admin-secret";
    public const string AdminProfile = "crossgate-admin";
    public const string DeniedKeyId = "AKIADENIEDCLITEST001";
    public const string DeniedSecret = "denied-secret";
    public const string DeniedProfile = "crossgate-denied";

    /// <summary>The shared credentials file every test reads (no <c>default</c> profile, so the environment's keys
    /// stay the standard chain's answer); it holds <see cref="AdminProfile"/>.</summary>
    public static readonly string CredentialsFile = Path.Combine(Path.GetTempPath(), $"crossgate-cli-tests-credentials-{Environment.ProcessId}");

    static AccountsWorkspace()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", PlatformKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", PlatformSecret);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        File.WriteAllText(CredentialsFile,
            $"[{AdminProfile}]\naws_access_key_id = {AdminKeyId}\naws_secret_access_key = {AdminSecret}\n" +
            $"[{DeniedProfile}]\naws_access_key_id = {DeniedKeyId}\naws_secret_access_key = {DeniedSecret}\n");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", CredentialsFile + ".config");
    }

    /// <summary>Runs the static constructor: the platform's key is in the environment afterwards.</summary>
    public static void EnsureCredentials()
    {
    }

    public AccountsWorkspace()
    {
        Dir = System.IO.Directory.CreateTempSubdirectory("crossgate-accounts-").FullName;
    }

    public string Dir { get; }

    /// <summary>Runs <c>crossgate accounts ARGS --data DIR</c>.</summary>
    public (int ExitCode, string Output, string Error) Accounts(params string[] args) =>
        CliRunner.Run(["accounts", .. args, "--data", Dir]);

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing; the temp folder is cleaned by the OS.
        }
    }
}
