using System.Text;
using BenchmarkDotNet.Attributes;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Benchmarks;

/// <summary>The simulator in process, per run of 2,000 scenarios shaped as bench/simulate/generate-scenarios.py
/// writes them (a cross-account sts:AssumeRole with its own trust policy, three identity policies and a three-level
/// SCP stack, every text distinct): split, read, parse, compile, decide and write the JSON answers. One worker
/// gives the cost per scenario; all cores give what a run of the command line gets.</summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private const int Scenarios = 2_000;

    private byte[] _input = [];

    [Params(1, 0)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup() => _input = Encoding.UTF8.GetBytes(Generate(Scenarios));

    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int SimulateScenarios() =>
        SimulationRunner.Run(_input, Stream.Null, SimulationFormat.Json, Workers).Scenarios;

    private const string Template = """

                {"request":{"principal":"arn:aws:iam::@CALLER@:role/Platform-@I@","principalTags":{"team":"team-@I7@"},"action":"sts:AssumeRole","resource":"arn:aws:iam::@TARGET@:role/Response-@I@","context":{"sts:ExternalId":"@EXTERNAL@","aws:SourceIp":"10.@I250@.0.1"}},
                 "identityPolicies":[{"name":"assume-@I@","document":{"Version":"2012-10-17","Statement":[{"Sid":"Assume","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/Response-@I@"}]}},
                  {"name":"read-@I@","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get@I10@*","s3:List*"],"Resource":"*"},{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"team-@I7@"}}}]}},
                  {"name":"guard-@I@","document":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.@I250@.0.0/16"}}}]}}],
                 "resourcePolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::@CALLER@:role/Platform-@I@"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-@ID6@"}}}]},
                 "serviceControlPolicies":[[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}],
                  [{"name":"workloads-@I@","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"organizations:Leave@I3@*","Resource":"*"}]}}],
                  [{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]],
                 "principalOrgId":"o-a1b2c3d4e5"}
        """;

    private static string Generate(int count)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            var caller = (100000000000L + i).ToString("D12");
            var target = (200000000000L + i).ToString("D12");
            var external = i % 4 != 0 ? "ext-" + i.ToString("D6") : "wrong";
            text.Append(i > 0 ? "," : string.Empty).Append(Template
                .Replace("@CALLER@", caller).Replace("@TARGET@", target).Replace("@EXTERNAL@", external)
                .Replace("@ID6@", i.ToString("D6")).Replace("@I7@", (i % 7).ToString()).Replace("@I10@", (i % 10).ToString())
                .Replace("@I250@", (i % 250).ToString()).Replace("@I3@", (i % 3).ToString()).Replace("@I@", i.ToString()));
        }

        return text.Append(']').ToString();
    }
}
