using System.Text.RegularExpressions;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Tests.Validation;

/// <summary>AWS's wording for constraint failures (aws-iam-semantics.md §3.3).</summary>
public class ParameterValidationTests
{
    [Fact]
    public void One_failure_is_reported_in_the_singular()
    {
        var validation = new ParameterValidation().Length("roleSessionName", "a", 2, 64);

        Assert.Equal("1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2", validation.Message);
    }

    [Fact]
    public void Several_failures_are_counted_and_joined()
    {
        var validation = new ParameterValidation()
            .Pattern("roleSessionName", "bad name", new Regex(@"^[\w+=,.@-]*$"), @"[\w+=,.@-]*")
            .Range("durationSeconds", 100, 900, 43200);

        Assert.Equal(
            @"2 validation errors detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*; Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
            validation.Message);
    }

    [Fact]
    public void Nothing_wrong_means_no_message()
    {
        Assert.Null(new ParameterValidation().Length("roleArn", "arn:aws:iam::111111111111:role/R", 20, 2048).Message);
    }
}
