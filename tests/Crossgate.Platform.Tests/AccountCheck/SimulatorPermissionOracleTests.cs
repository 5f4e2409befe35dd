using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Testing;

namespace Crossgate.Platform.Tests.AccountCheck;

/// <summary>The online oracle over real HTTP against a fake IAM: what it sends, and how many calls it keeps in
/// flight.</summary>
public sealed class SimulatorPermissionOracleTests : IDisposable
{
    private const string RoleArn = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private readonly FakeAwsEndpoint _iam;
    private int _inFlight;
    private int _mostInFlight;

    public SimulatorPermissionOracleTests()
    {
        _iam = new FakeAwsEndpoint(request =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _mostInFlight, now);
            Thread.Sleep(50); // long enough for calls sent at once to overlap
            Interlocked.Decrement(ref _inFlight);
            var resource = request["ResourceArns.member.1"]!;
            var actions = request.Form.Where(p => p.Key.StartsWith("ActionNames.member.", StringComparison.Ordinal)).Select(p => p.Value);
            return FakeAwsResponse.Simulation(actions.Select(a => (a, resource, "allowed", Array.Empty<string>())));
        });
    }

    public void Dispose() => _iam.Dispose();

    [Fact]
    public async Task Each_resource_is_one_call_and_one_call_is_in_flight_at_a_time()
    {
        using var http = new HttpClient();
        var oracle = new SimulatorPermissionOracle(IamClient.Create(http, new AwsTarget(_iam.Url), new AwsCredentialSet("ASIASESSION000000001", "secret", "token")));
        (string, string)[] questions =
        [
            ("s3:GetObject", "arn:aws:s3:::evidence/*"), ("s3:ListBucket", "arn:aws:s3:::evidence"),
            ("ec2:DescribeInstances", "*"), ("ssm:SendCommand", "arn:aws:ec2:*:*:instance/*"), ("s3:PutObject", "arn:aws:s3:::evidence/*"),
        ];

        var verdicts = await oracle.EvaluateAsync(RoleArn, questions, default);

        Assert.Equal(4, _iam.Requests.Count(r => r.Action == "SimulatePrincipalPolicy"));
        Assert.Equal(1, _mostInFlight);
        Assert.Equal(questions.OrderBy(q => q).ToArray(), verdicts.Select(v => (v.Action, v.Resource)).OrderBy(q => q).ToArray());
        Assert.All(verdicts, v => Assert.Equal("allowed", v.Decision));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var before && before != seen)
        {
            seen = before;
        }
    }
}
