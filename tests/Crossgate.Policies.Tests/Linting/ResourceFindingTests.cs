using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class ResourceFindingTests
{
    [Fact]
    public void Object_action_on_a_bucket_arn_matches_no_resource()
    {
        var findings = Lint(Allow(["s3:GetObject"], "arn:aws:s3:::reports"));
        var resource = Single(findings, FindingCodes.ResourceMatchesNoAction);
        Assert.Equal(FindingSeverity.Warning, resource.Severity);
        Assert.Equal("Statement[0].Resource[0]", resource.Path);
        Assert.Contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}", resource.Message);
        None(findings, FindingCodes.ActionMatchesNoResource); // one action: the resource finding says it all
    }

    [Fact]
    public void Bucket_and_object_actions_with_both_arns_fit()
    {
        var findings = Lint(Allow(["s3:ListBucket", "s3:GetObject"], "arn:aws:s3:::reports", "arn:aws:s3:::reports/*"));
        None(findings, FindingCodes.ResourceMatchesNoAction);
        None(findings, FindingCodes.ActionMatchesNoResource);
    }

    [Fact]
    public void An_action_that_fits_no_resource_is_reported_even_when_others_fit()
    {
        var findings = Lint(Allow(["s3:ListBucket", "s3:GetObject"], "arn:aws:s3:::reports"));
        None(findings, FindingCodes.ResourceMatchesNoAction);
        var finding = Single(findings, FindingCodes.ActionMatchesNoResource);
        Assert.Equal("Statement[0].Action[1]", finding.Path);
        Assert.StartsWith("The action s3:GetObject does not apply to any resource in this statement.", finding.Message);
    }

    [Fact]
    public void Actions_without_resource_types_need_star()
    {
        var finding = Single(Lint(Allow(["ec2:DescribeInstances", "ec2:StartInstances"], "arn:aws:ec2:us-east-1:111111111111:instance/i-0abc")),
            FindingCodes.ActionMatchesNoResource);
        Assert.Equal("Statement[0].Action[0]", finding.Path);
        Assert.Contains("needs \"Resource\": \"*\"", finding.Message);
    }

    [Fact]
    public void A_resource_of_another_service_is_reported()
    {
        var finding = Single(Lint(Allow(["sts:AssumeRole"], "arn:aws:s3:::reports")), FindingCodes.ResourceMatchesNoAction);
        Assert.Equal("Statement[0].Resource[0]", finding.Path);
    }

    [Fact]
    public void Policy_variables_in_resources_are_treated_as_wildcards() =>
        None(Lint(Allow(["s3:GetObject"], "arn:aws:s3:::home/${aws:username}/*")), FindingCodes.ResourceMatchesNoAction);

    [Fact]
    public void A_resource_covered_by_another_pattern_is_redundant()
    {
        var finding = Single(Lint(Allow(["sts:AssumeRole"],
            "arn:aws:iam::222222222222:role/jane-admin", "arn:aws:iam::222222222222:role/jane*")), FindingCodes.RedundantResource);
        Assert.Equal(FindingSeverity.Suggestion, finding.Severity);
        Assert.Equal("Statement[0].Resource[0]", finding.Path);
    }

    [Fact]
    public void Overlapping_but_not_contained_resources_are_not_redundant() =>
        None(Lint(Allow(["s3:GetObject"], "arn:aws:s3:::a*/x", "arn:aws:s3:::ab/*")), FindingCodes.RedundantResource);
}
