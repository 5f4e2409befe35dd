using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>Every context key a statement needs and the request lacks is reported, not only the first failing
/// condition's key, as IAM's MissingContextValues lists them.</summary>
public class MissingContextKeyTests
{
    private const string Condition =
        """{"StringEquals":{"sts:ExternalId":"abc"},"Bool":{"aws:MultiFactorAuthPresent":"true"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""";

    [Fact]
    public void Every_missing_key_of_a_statement_is_listed()
    {
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("s3:GetObject").On("arn:aws:s3:::b/k")
            .Identity(Allow("s3:GetObject", "*", Condition)).Authorize();
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal<string>(["aws:MultiFactorAuthPresent", "aws:SourceIp", "sts:ExternalId"], decision.MissingContextKeys);
    }

    [Fact]
    public void Keys_after_a_failing_condition_are_still_listed()
    {
        // The first condition fails on a present key; the later ones are still examined.
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("s3:GetObject").On("arn:aws:s3:::b/k")
            .Context("sts:ExternalId", "wrong")
            .Identity(Allow("s3:GetObject", "*", Condition)).Authorize();
        Assert.Equal<string>(["aws:MultiFactorAuthPresent", "aws:SourceIp"], decision.MissingContextKeys);
    }

    [Fact]
    public void Statements_that_do_not_apply_report_nothing()
    {
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("s3:GetObject").On("arn:aws:s3:::b/k")
            .Identity(Allow("ec2:*", "*", Condition)).Authorize();
        Assert.Empty(decision.MissingContextKeys);
    }
}
