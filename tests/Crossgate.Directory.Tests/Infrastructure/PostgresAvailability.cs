namespace Crossgate.Directory.Tests.Infrastructure;

/// <summary>Whether the PostgreSQL tests can run: the server's binaries are installed, or apt-get can install them
/// (as root). Under CI=true they are never skipped: a missing server is a failure there.</summary>
internal static class PostgresAvailability
{
    private static readonly Lazy<string?> Reason = new(Compute);

    /// <summary>Null when the tests must run; otherwise why they are skipped.</summary>
    public static string? SkipReason => Reason.Value;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Compute()
    {
        if (InCi)
        {
            return null;
        }

        if (System.IO.Directory.Exists("/usr/lib/postgresql") &&
            System.IO.Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any())
        {
            return null;
        }

        if (OnPath("initdb") && OnPath("pg_ctl"))
        {
            return null;
        }

        if (OnPath("apt-get") && Environment.UserName == "root")
        {
            return null;
        }

        return "PostgreSQL tests skipped: no PostgreSQL server binaries (Debian package postgresql) and no apt-get usable as root to install them.";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
