using Crossgate.Policies.Parsing;
using CsCheck;
using Crossgate.Tests.Shared;

namespace Crossgate.Policies.Tests.Properties;

/// <summary>The policy parser answers every input (valid policies, their byte-level mutations, random JSON and
/// random bytes) with a result, never an exception. <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets the count (the long
/// run uses 1,000,000); the normal run tries 20,000.</summary>
public sealed class PolicyParserPropertyTests
{
    private static readonly string[] Seeds =
    [
        """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","ec2:Describe*"],"Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}}]}""",
        """{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":["*"],"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"},"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","222222222222"],"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}""",
    ];

    private static readonly PolicyKind[] Kinds = Enum.GetValues<PolicyKind>();

    [Fact]
    public void Any_mutation_of_a_policy_parses_to_a_result_without_throwing() =>
        ByteMutations.Of(Seeds).Select(Gen.Int[0, Kinds.Length - 1]).Sample((bytes, kind) =>
        {
            var result = PolicyParser.Parse(bytes, new PolicyParseOptions(Kinds[kind]) { Quota = PolicySizeQuota.ManagedPolicy });
            return result.Success || result.Errors.Any();
        }, iter: ByteMutations.Iterations);
}
