namespace Crossgate.Cli.Tests.Accounts;

/// <summary>A fresh <c>--data</c> directory, and the platform's credentials in the environment (the standard chain
/// reads them; every test sets the same values, so parallel tests agree).</summary>
internal sealed class AccountsWorkspace : IDisposable
{
    public const string PlatformKeyId = "AKIAPLATFORMCLITEST1";
    public const string PlatformSecret = "platform-secret";

    static AccountsWorkspace()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", PlatformKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", PlatformSecret);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
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
