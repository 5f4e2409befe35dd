using System.Text;
using System.Text.Json;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>A large input goes through the parallel path: its answers must be exactly those of one worker, in input
/// order, and a structure broken late in the file must still get only its one error, nothing written before it.</summary>
public class SimulationRunnerTests
{
    private const int Count = 700; // well above the size at which runs are shared between workers

    private static string Scenario(int i) => (i % 9) switch
    {
        // A bad policy and a bad request, now and then, to show errors keep their place.
        4 => $$$"""{"request":{"principal":"arn:aws:iam::111111111111:user/u{{{i}}}","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}]}""",
        7 => $$$"""{"request":{"principal":"arn:aws:iam::111111111111:user/u{{{i}}}","action":"GetObject","resource":"*"}}""",
        _ => $$$"""{"request":{"principal":"arn:aws:iam::111111111111:user/u{{{i}}}","action":"s3:GetObject","resource":"arn:aws:s3:::b{{{i}}}/k"},"identityPolicies":[{"name":"p{{{i}}}","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b{{{i % 2}}}/*"}]}}],"serviceControlPolicies":[[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]]}""",
    };

    private static byte[] Input(string tail = "") =>
        Encoding.UTF8.GetBytes("[" + string.Join(",\n", Enumerable.Range(0, Count).Select(Scenario)) + tail + "]");

    private static (string Output, SimulationSummary Summary) Run(byte[] input, SimulationFormat format, int workers)
    {
        using var output = new MemoryStream();
        var summary = SimulationRunner.Run(input, output, format, workers);
        return (Encoding.UTF8.GetString(output.ToArray()), summary);
    }

    [Theory]
    [InlineData(SimulationFormat.Json)]
    [InlineData(SimulationFormat.Text)]
    public void Parallel_answers_are_the_single_workers_answers_in_input_order(SimulationFormat format)
    {
        var input = Input();
        var (serial, serialSummary) = Run(input, format, workers: 1);
        var (parallel, parallelSummary) = Run(input, format, workers: 3);

        Assert.Equal(serial, parallel);
        Assert.Equal(serialSummary, parallelSummary);
        Assert.Equal(Count, parallelSummary.Scenarios);
        Assert.Equal(Enumerable.Range(0, Count).Count(i => i % 9 is 4 or 7), parallelSummary.Invalid);
        Assert.True(parallelSummary.AnyInvalid);
    }

    [Fact]
    public void Each_answer_stands_where_its_scenario_stood()
    {
        var (output, _) = Run(Input(), SimulationFormat.Json, workers: 2);

        using var json = JsonDocument.Parse(output);
        var answers = json.RootElement;
        Assert.Equal(Count, answers.GetArrayLength());
        for (var i = 0; i < Count; i++)
        {
            var answer = answers[i];
            switch (i % 9)
            {
                case 4:
                    Assert.Equal("MalformedPolicyDocument", answer.GetProperty("error").GetProperty("code").GetString());
                    Assert.StartsWith($"$[{i}].identityPolicies[0]", answer.GetProperty("error").GetProperty("path").GetString());
                    break;
                case 7:
                    Assert.Equal($"$[{i}].request.action", answer.GetProperty("error").GetProperty("path").GetString());
                    break;
                default:
                    // Bucket b{i} is allowed only when it is b0 or b1: scenarios 0 and 1.
                    Assert.Equal(i < 2 ? "allowed" : "implicitDeny", answer.GetProperty("decision").GetString());
                    Assert.Equal(i < 2 ? JsonValueKind.Null : JsonValueKind.String, answer.GetProperty("message").ValueKind);
                    break;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_structure_broken_at_the_end_gets_its_one_error_and_no_answers(int workers)
    {
        var (output, summary) = Run(Input(tail: ", {\"request\": [}"), SimulationFormat.Json, workers);

        Assert.True(summary.Unreadable);
        using var json = JsonDocument.Parse(output);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("$", error.GetProperty("path").GetString());
        Assert.StartsWith("The input is not valid JSON", error.GetProperty("message").GetString());
    }
}
