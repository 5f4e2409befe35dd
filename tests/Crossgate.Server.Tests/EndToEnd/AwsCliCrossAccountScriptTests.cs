using Xunit.Abstractions;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>Runs <c>tests/e2e/awscli-cross-account.sh</c>: the real AWS CLI v2 against <c>crossgate serve</c>.</summary>
public sealed class AwsCliCrossAccountScriptTests(ITestOutputHelper output)
{
    [AwsCliScriptFact]
    public async Task The_cross_account_walk_passes_with_the_real_AWS_CLI() =>
        output.WriteLine(await E2eScript.RunAndAssertPassedAsync("awscli-cross-account.sh", TimeSpan.FromMinutes(10)));
}
