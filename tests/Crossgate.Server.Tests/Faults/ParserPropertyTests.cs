using System.Text;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Signing;
using CsCheck;
using Crossgate.Tests.Shared;

namespace Crossgate.Server.Tests.Faults;

/// <summary>The SigV4 Authorization header parser and the Query parameter parser answer every input with a claim, a
/// parameter set or AWS's error (IncompleteSignature, MalformedQueryString…), never an exception.
/// <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets the count (the long run uses 1,000,000); the normal run tries 20,000.</summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] HeaderSeeds =
    [
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        "AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20261123/eu-west-1/organizations/aws4_request,SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target,Signature=00",
    ];

    private static readonly string[] FormSeeds =
    [
        "Action=CreateUser&Version=2010-05-08&UserName=alex&Path=%2Feng%2F&Tags.member.1.Key=team&Tags.member.1.Value=a%20b%26c",
        "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FR&RoleSessionName=s&PolicyArns.member.1.arn=x&DurationSeconds=900",
    ];

    [Fact]
    public void The_SigV4_header_parser_answers_any_header_with_a_claim_or_an_error() =>
        ByteMutations.Of(HeaderSeeds).Sample(bytes =>
        {
            var header = Encoding.UTF8.GetString(bytes);
            var headers = new RequestHeaders().Add("x-amz-date", "20261123T100000Z").Add("host", "localhost");
            var parsed = AuthorizationHeaderParser.Parse(header, headers);
            return (parsed.Claim is null) != (parsed.Error is null);
        }, iter: ByteMutations.Iterations);

    [Fact]
    public void The_Query_parser_answers_any_body_with_parameters_or_MalformedQueryString() =>
        ByteMutations.Of(FormSeeds).Sample(bytes =>
        {
            var (parameters, error) = QueryForm.Parse("", bytes);
            if (error is not null) return error.Code == "MalformedQueryString" && parameters is null;
            _ = parameters!.StructList("Tags");
            _ = parameters.Map("Tags");
            _ = parameters.List("PolicyArns");
            return parameters.TryGetInt("DurationSeconds", out _) || true;
        }, iter: ByteMutations.Iterations);
}
