using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Matching;

public class ActionMatchingTests
{
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true, "exact action")]
    [InlineData("s3:GetObject", "S3:getobject", true, "service prefix and name are case-insensitive")]
    [InlineData("S3:GETOBJECT", "s3:GetObject", true, "case-insensitive the other way")]
    [InlineData("s3:GetObject", "s3:GetObjectAcl", false, "no prefix match without *")]
    [InlineData("s3:Get*", "s3:GetObjectAcl", true, "* at the end")]
    [InlineData("s3:Get*", "s3:PutObject", false, "* does not make a different prefix match")]
    [InlineData("s3:*Object", "s3:PutObject", true, "* at the start of the name")]
    [InlineData("s3:*Object*", "s3:GetObjectTagging", true, "* on both sides")]
    [InlineData("s3:Get?bject", "s3:GetObject", true, "? matches one character")]
    [InlineData("s3:Get?bject", "s3:GetOObject", false, "? matches exactly one character")]
    [InlineData("s3:*", "s3:ListBucket", true, "service:* matches every action of the service")]
    [InlineData("s3:*", "ec2:RunInstances", false, "service:* does not cross services")]
    [InlineData("*", "ec2:RunInstances", true, "* matches every action")]
    [InlineData("iam:*AccessKey*", "iam:CreateAccessKey", true, "docs example iam:*AccessKey*")]
    [InlineData("iam:*accesskey*", "iam:UpdateAccessKey", true, "case-insensitive wildcard")]
    [InlineData("sts:AssumeRole", "sts:AssumeRoleWithSAML", false, "AssumeRole does not cover AssumeRoleWithSAML")]
    [InlineData("sts:AssumeRole*", "sts:AssumeRoleWithSAML", true, "AssumeRole* covers AssumeRoleWithSAML")]
    [InlineData("ec2:Describe*", "ec2:describeinstances", true, "case-insensitive with *")]
    public void Action(string pattern, string action, bool expected, string rule)
    {
        var statement = Compile(Statement(actions: [pattern]));
        Assert.True(expected == statement.MatchesAction(action), rule);
    }

    [Theory]
    [InlineData("s3:GetObject|s3:PutObject", "s3:PutObject", true, "actions are ORed")]
    [InlineData("s3:GetObject|s3:PutObject", "s3:DeleteObject", false, "no listed action")]
    public void Action_list(string patterns, string action, bool expected, string rule)
    {
        Assert.True(expected == Compile(Statement(actions: Split(patterns))).MatchesAction(action), rule);
    }

    [Theory]
    [InlineData("iam:*", "iam:CreateUser", false, "NotAction: listed action is not matched")]
    [InlineData("iam:*", "s3:GetObject", true, "NotAction: every other action matches, across services")]
    [InlineData("s3:Get*", "s3:getobject", false, "NotAction is case-insensitive too")]
    [InlineData("*", "s3:GetObject", false, "NotAction * matches nothing")]
    [InlineData("iam:CreateUser|iam:DeleteUser", "iam:DeleteUser", false, "NotAction list")]
    [InlineData("iam:CreateUser|iam:DeleteUser", "iam:GetUser", true, "NotAction list, unlisted action")]
    public void NotAction(string patterns, string action, bool expected, string rule)
    {
        Assert.True(expected == Compile(Statement(actions: Split(patterns), notAction: true)).MatchesAction(action), rule);
    }
}
