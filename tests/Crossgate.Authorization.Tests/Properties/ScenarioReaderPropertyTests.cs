using Crossgate.Authorization.Simulation;
using CsCheck;
using Crossgate.Tests.Shared;

namespace Crossgate.Authorization.Tests.Properties;

/// <summary>The scenario reader answers every input (the example scenario and its byte-level mutations, random
/// bytes) with scenarios or documented faults, never an exception. <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets the count
/// (the long run uses 1,000,000); the normal run tries 20,000.</summary>
public sealed class ScenarioReaderPropertyTests
{
    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "scenarios", "alex-assume-crossaccount-b.json")),
        """[{"request":{"principal":"arn:aws:iam::111111111111:role/R","sessionName":"s","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"aws:SourceIp":"10.0.0.1"},"principalTags":{"t":"v"}},"identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}],"permissionsBoundary":{"name":"b","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}},"serviceControlPolicies":[[]],"resourceControlPolicies":[[]]}]""",
    ];

    [Fact]
    public void Any_mutation_of_a_scenario_file_is_read_without_throwing() =>
        ByteMutations.Of(Seeds).Sample(bytes =>
        {
            var read = ScenarioReader.TryRead(bytes, out _, out var results, out var fatal);
            return read ? results.All(r => (r.Scenario is null) != (r.Error is null)) : fatal is not null;
        }, iter: ByteMutations.Iterations);
}
