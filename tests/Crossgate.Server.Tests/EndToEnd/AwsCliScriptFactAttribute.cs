namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>A fact that needs the AWS CLI from Debian's <c>awscli</c> package. It is skipped, with the reason, only
/// when the CLI is missing and cannot be installed here (not root, or no apt-get) and <c>CI</c> is not
/// <c>true</c>; in CI it always runs, so that a missing CLI fails the build instead of hiding the test.</summary>
public sealed class AwsCliScriptFactAttribute : FactAttribute
{
    public const string DebianAwsCli = "/usr/bin/aws";

    public AwsCliScriptFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true" || File.Exists(DebianAwsCli))
        {
            return;
        }

        var canInstall = Environment.UserName == "root" && File.Exists("/usr/bin/apt-get");
        if (!canInstall)
        {
            Skip = $"The AWS CLI is not at {DebianAwsCli} and cannot be installed here (needs root and apt-get); CI is not 'true'.";
        }
    }
}
