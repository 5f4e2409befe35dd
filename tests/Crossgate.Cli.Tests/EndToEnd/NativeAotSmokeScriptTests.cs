using Crossgate.Server.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary>Runs <c>tests/e2e/native-aot-smoke.sh</c>: publishes <c>crossgate</c> as a Native AOT executable (with no
/// trim or AOT warning) and drives the native binary, including the real AWS CLI against its <c>serve</c>.</summary>
public sealed class NativeAotSmokeScriptTests(ITestOutputHelper output)
{
    // The AOT publish alone takes minutes on a 2-core machine.
    [AwsCliScriptFact]
    public async Task The_native_binary_passes_the_smoke_walk() =>
        output.WriteLine(await E2eScript.RunAndAssertPassedAsync("native-aot-smoke.sh", TimeSpan.FromMinutes(20)));
}
