using System.Text;
using BenchmarkDotNet.Attributes;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Benchmarks;

/// <summary>Parsing cost of typical documents: the platform's 3-statement identity policy and a
/// 50-statement policy like a full permission-group set (seed 004); a role trust policy with Principal and
/// Condition; and parse + compile, which is what <c>crossgate simulate</c> pays per policy.</summary>
[MemoryDiagnoser]
public class PolicyParsingBenchmarks
{
    private string _threeStatements = string.Empty;
    private string _fiftyStatements = string.Empty;
    private byte[] _fiftyStatementsUtf8 = [];
    private PolicyDocument _threeStatementsDocument = null!;

    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:role/ci/Deployer"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"crossgate-7"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}},{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}""";

    [GlobalSetup]
    public void Setup()
    {
        _threeStatements = Document(3);
        _fiftyStatements = Document(50);
        _fiftyStatementsUtf8 = Encoding.UTF8.GetBytes(_fiftyStatements);
        if (!PolicyParser.Parse(_threeStatements, PolicyKind.Identity).Success || !PolicyParser.Parse(_fiftyStatements, PolicyKind.Identity).Success)
        {
            throw new InvalidOperationException("benchmark documents must be valid");
        }

        if (!PolicyParser.Parse(TrustPolicy, PolicyKind.Trust).Success)
        {
            throw new InvalidOperationException("benchmark trust policy must be valid");
        }

        _threeStatementsDocument = PolicyParser.Parse(_threeStatements, PolicyKind.Identity).Document!;
    }

    [Benchmark(Baseline = true)]
    public PolicyParseResult ThreeStatements() => PolicyParser.Parse(_threeStatements, PolicyKind.Identity);

    [Benchmark]
    public PolicyParseResult FiftyStatements() => PolicyParser.Parse(_fiftyStatements, PolicyKind.Identity);

    [Benchmark]
    public PolicyParseResult FiftyStatementsUtf8() => PolicyParser.Parse(_fiftyStatementsUtf8, PolicyKind.Identity);

    [Benchmark]
    public PolicyParseResult TrustPolicyParse() => PolicyParser.Parse(TrustPolicy, PolicyKind.Trust);

    [Benchmark]
    public CompiledPolicy ThreeStatementsCompileOnly() => CompiledPolicy.Compile(_threeStatementsDocument);

    [Benchmark]
    public CompiledPolicy ThreeStatementsParseAndCompile() =>
        CompiledPolicy.Compile(PolicyParser.Parse(_threeStatements, PolicyKind.Identity).Document!);

    [Benchmark]
    public CompiledPolicy TrustPolicyParseAndCompile() => CompiledPolicy.Compile(PolicyParser.Parse(TrustPolicy, PolicyKind.Trust).Document!);

    private static string Document(int statements)
    {
        var text = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (var i = 0; i < statements; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(((i % 3) switch
            {
                0 => """{"Sid":"Group#","Effect":"Allow","Action":["ssm:SendCommand","ssm:DescribeInstanceInformation"],"Resource":["arn:aws:ec2:*:*:instance/*"],"Condition":{"StringLike":{"ssm:resourceTag/SSMEnabled":["True"]}}}""",
                1 => """{"Sid":"Group#","Effect":"Allow","Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*"],"Resource":"*"}""",
                _ => """{"Sid":"Group#","Effect":"Deny","NotAction":["iam:*","sts:*"],"NotResource":["arn:aws:s3:::bucket-#","arn:aws:s3:::bucket-#/*"],"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}""",
            }).Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return text.Append("]}").ToString();
    }
}
