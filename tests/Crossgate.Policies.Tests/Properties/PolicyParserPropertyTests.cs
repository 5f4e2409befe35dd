using System.Text;
using Crossgate.Policies.Parsing;
using CsCheck;

namespace Crossgate.Policies.Tests.Properties;

/// <summary>The policy parser answers every input (valid policies, their byte-level mutations, random JSON and
/// random bytes) with a result, never an exception. <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets the count (the long
/// run uses 1,000,000); the normal run tries 20,000.</summary>
public sealed class PolicyParserPropertyTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("CROSSGATE_PROPERTY_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly string[] Seeds =
    [
        """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","ec2:Describe*"],"Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}}]}""",
        """{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":["*"],"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"},"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","222222222222"],"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}""",
    ];

    private static readonly PolicyKind[] Kinds = Enum.GetValues<PolicyKind>();

    [Fact]
    public void Any_mutation_of_a_policy_parses_to_a_result_without_throwing() =>
        Mutations(Seeds).Select(Gen.Int[0, Kinds.Length - 1]).Sample((bytes, kind) =>
        {
            var result = PolicyParser.Parse(bytes, new PolicyParseOptions(Kinds[kind]) { Quota = PolicySizeQuota.ManagedPolicy });
            return result.Success || result.Errors.Any();
        }, iter: Iterations);

    /// <summary>Valid documents changed in one to four places: a byte replaced, removed or duplicated, a slice cut,
    /// or a JSON token spliced in; plus random bytes.</summary>
    internal static Gen<byte[]> Mutations(IReadOnlyList<string> seeds)
    {
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e999", "-0", "\"*\"", "\"${", "\u0001", "\uFFFF", "{\"a\":", "[[[[[[[[", "\"Statement\"", "\"Condition\"", "\"Principal\""];
        var mutated = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[1, 4], Gen.Int[0, int.MaxValue].Array[8], Gen.Int[0, tokens.Length - 1]).Select(t =>
        {
            var (seed, count, choices, token) = t;
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(seeds[seed]));
            for (var m = 0; m < count && bytes.Count > 0; m++)
            {
                var at = Math.Abs(choices[m % choices.Length]) % bytes.Count;
                switch (Math.Abs(choices[(m + 1) % choices.Length]) % 5)
                {
                    case 0: bytes[at] = (byte)choices[(m + 2) % choices.Length]; break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.Insert(at, bytes[at]); break;
                    case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, Math.Abs(choices[(m + 3) % choices.Length]) % 16)); break;
                    default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[token])); break;
                }
            }

            return bytes.ToArray();
        });
        return Gen.Frequency((9, mutated), (1, Gen.Byte.Array[0, 256]));
    }
}
