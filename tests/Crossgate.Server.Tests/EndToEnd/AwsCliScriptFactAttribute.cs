namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>A fact that needs the AWS CLI from Debian's <c>awscli</c> package. Its script installs the CLI when it is
/// missing (tests/e2e/install-awscli.sh) and the test fails when it cannot: it is never skipped, so a missing CLI
/// cannot hide the test.</summary>
public sealed class AwsCliScriptFactAttribute : FactAttribute
{
    public const string DebianAwsCli = "/usr/bin/aws";
}
