using System.Text;
using System.Text.Json;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Tests.Protocols;

public sealed class JsonProtocolTests
{
    [Theory]
    [InlineData("AWSOrganizationsV20161128.ListAccounts", "ListAccounts")]
    [InlineData("AWSOrganizationsV20161128.", null)]
    [InlineData("AWSOrganizationsV20161128", null)]
    [InlineData("DynamoDB_20120810.ListTables", null)]
    [InlineData(null, null)]
    public void Operation_from_target(string? target, string? expected) =>
        Assert.Equal(expected, JsonProtocol.OperationOf(AwsService.Organizations, target));

    [Fact]
    public void Error_body_has_type_message_and_extra_fields()
    {
        var error = new AwsError("ConstraintViolationException", "You have exceeded the allowed number of accounts.", 400)
            .WithField("Reason", "ACCOUNT_NUMBER_LIMIT_EXCEEDED");

        var json = Encoding.UTF8.GetString(JsonProtocol.Error(error));

        Assert.Equal("""{"__type":"ConstraintViolationException","Message":"You have exceeded the allowed number of accounts.","Reason":"ACCOUNT_NUMBER_LIMIT_EXCEEDED"}""", json);
    }

    [Theory]
    [InlineData("InvalidClientTokenId", "UnrecognizedClientException")]
    [InlineData("SignatureDoesNotMatch", "InvalidSignatureException")]
    [InlineData("IncompleteSignature", "IncompleteSignatureException")]
    [InlineData("MissingAuthenticationToken", "MissingAuthenticationTokenException")]
    [InlineData("ExpiredToken", "ExpiredTokenException")]
    [InlineData("AccessDeniedException", "AccessDeniedException")]
    public void Authentication_codes_are_renamed_for_JSON_services(string queryCode, string jsonCode) =>
        Assert.Equal(jsonCode, JsonErrorCodes.For(queryCode));

    [Fact]
    public void Empty_success_is_an_empty_object() =>
        Assert.Equal("{}", Encoding.UTF8.GetString(JsonProtocol.Success(null)));

    [Fact]
    public void Timestamps_are_epoch_seconds()
    {
        var bytes = JsonProtocol.Success(json =>
        {
            json.WriteStartObject();
            JsonProtocol.WriteTimestamp(json, "JoinedTimestamp", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500));
            json.WriteEndObject();
        });

        using var doc = JsonDocument.Parse(bytes);
        Assert.Equal(1_700_000_000.5, doc.RootElement.GetProperty("JoinedTimestamp").GetDouble());
    }
}
