using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>The simulator writes its JSON answers by hand for speed; they must be byte for byte what
/// <see cref="Utf8JsonWriter"/> writes for the same answer, escaping and indentation included.</summary>
public class DecisionJsonWriterTests
{

    public static TheoryData<string> Scenarios => new()
    {
        // Allowed, with a Sid and several layers.
        """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"identityPolicies":[{"name":"read","document":{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}],"serviceControlPolicies":[[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]]}""",
        // Implicitly denied: a message and a reason, no matched statements.
        """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"}}""",
        // A condition on a key the request lacks: missing context keys.
        """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}]}""",
        // Names that must be escaped: quotes, backslashes, control characters, non-ASCII, HTML-sensitive ASCII.
        """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"name":"a \"q\" \\ \n\t é ü 💡 \u2028 <&>'+`","document":{"Version":"2012-10-17","Statement":[{"Sid":"X1","Effect":"Deny","Action":"s3:*","Resource":"*"}]}}]}""",
        // Every printable ASCII character in a name.
        """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"name":" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}]}""",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Answers_match_Utf8JsonWriter_at_every_depth(string json)
    {
        var read = ScenarioReader.ReadOne(Encoding.UTF8.GetBytes(json), -1, new CompiledPolicyCache());
        Assert.Null(read.Error);
        var decision = Authorizer.Authorize(read.Scenario!.Request, read.Scenario.Policies);

        Assert.Equal(Reference(w => Oracle(w, decision)), Hand(b => DecisionJsonWriter.Write(b, decision)));
        Assert.Equal(ReferenceInArray(w => Oracle(w, decision)), "[\n  " + Hand(b => DecisionJsonWriter.Write(b, decision, 1)) + "\n]");
    }

    [Fact]
    public void Errors_match_Utf8JsonWriter()
    {
        var error = new ScenarioError("MalformedPolicyDocument", "Bad \"thing\" — here", "$[3].identityPolicies[0]");

        Assert.Equal(Reference(w => OracleError(w, error)), Hand(b => DecisionJsonWriter.WriteError(b, error)));
        Assert.Equal(ReferenceInArray(w => OracleError(w, error)), "[\n  " + Hand(b => DecisionJsonWriter.WriteError(b, error, 1)) + "\n]");
    }

    private static string Hand(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Reference(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ReferenceInArray(Action<Utf8JsonWriter> write) => Reference(w =>
    {
        w.WriteStartArray();
        write(w);
        w.WriteEndArray();
    });

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The answer's shape written the general way: the contract the hand-written writer keeps.
    private static void Oracle(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString("decision", decision.Outcome.ToWireName());
        writer.WriteString("message", decision.Message);
        writer.WriteString("reason", decision.Reason);
        writer.WriteString("decidingLayer", decision.DecidingLayer?.ToWireName());
        writer.WriteStartArray("matchedStatements");
        foreach (var statement in decision.MatchedStatements)
        {
            writer.WriteStartObject();
            writer.WriteString("layer", statement.Layer.ToWireName());
            writer.WriteString("policy", statement.PolicyName);
            writer.WriteNumber("statementIndex", statement.StatementIndex);
            writer.WriteString("sid", statement.Sid);
            writer.WriteString("effect", statement.Effect.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missingContextKeys");
        foreach (var key in decision.MissingContextKeys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("layers");
        foreach (var layer in decision.Layers)
        {
            writer.WriteString(layer.Layer.ToWireName(), layer.Outcome.ToWireName());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void OracleError(Utf8JsonWriter writer, ScenarioError error)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteString("path", error.Path);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
