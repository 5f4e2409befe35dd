using System.Text;
using BenchmarkDotNet.Attributes;
using Crossgate.Policies;

namespace Crossgate.Benchmarks;

/// <summary>Parsing cost of typical documents: the platform's 3-statement identity policy and a
/// 50-statement policy like a full permission-group set (seed 004).</summary>
[MemoryDiagnoser]
public class PolicyParsingBenchmarks
{
    private string _threeStatements = string.Empty;
    private string _fiftyStatements = string.Empty;
    private byte[] _fiftyStatementsUtf8 = [];

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
    }

    [Benchmark(Baseline = true)]
    public PolicyParseResult ThreeStatements() => PolicyParser.Parse(_threeStatements, PolicyKind.Identity);

    [Benchmark]
    public PolicyParseResult FiftyStatements() => PolicyParser.Parse(_fiftyStatements, PolicyKind.Identity);

    [Benchmark]
    public PolicyParseResult FiftyStatementsUtf8() => PolicyParser.Parse(_fiftyStatementsUtf8, PolicyKind.Identity);

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
