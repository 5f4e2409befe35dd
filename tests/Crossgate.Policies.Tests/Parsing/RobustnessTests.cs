using System.Text;
using CsCheck;
using Crossgate.Policies.Parsing;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>Parsing never throws: any byte string yields a document or MalformedPolicyDocument errors
/// (errors are values — project rule; AWS answers every bad document with MalformedPolicyDocument).</summary>
public class RobustnessTests
{
    private static readonly PolicyKind[] Kinds = Enum.GetValues<PolicyKind>();

    private static readonly string[] ElementNames =
    [
        "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
        "Condition", "AWS", "Service", "Federated", "CanonicalUser", "StringEquals", "ForAnyValue:StringLike", "Bool", "Null",
        "aws:SourceIp", "sts:ExternalId",
    ];

    private static readonly string[] StringValues =
    [
        "2012-10-17", "2008-10-17", "Allow", "Deny", "*", "s3:GetObject", "sts:AssumeRole", "arn:aws:s3:::b/*", "111111111111",
        "arn:aws:iam::111111111111:root", "ec2.amazonaws.com", "true", "", "GetObject", "a:b:c", "arn:aws:iam::1:role/*",
    ];

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.OneOf(StringValues).Select(s => "\"" + s + "\"")),
        (1, Gen.OneOf("null", "true", "false", "0", "-1", "1e400", "123456789012345678901234567890", "0.5")),
        (1, Gen.Char['!', '~'].Array[0, 6].Select(c => "\"" + new string(c).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")));

    private static Gen<string> JsonValue(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, JsonValue(depth - 1).List[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Gen.OneOf(ElementNames), JsonValue(depth - 1), (k, v) => "\"" + k + "\":" + v)
                .List[0, 4].Select(members => "{" + string.Join(",", members) + "}")));

    internal static void AssertWellFormed(PolicyParseResult result)
    {
        if (result.Success)
        {
            Assert.Empty(result.Errors);
            Assert.NotEmpty(result.Document.Statements);
            Assert.All(result.Document.Statements, s => Assert.NotEmpty(s.Actions));
        }
        else
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal(PolicyError.MalformedPolicyDocument, e.Code);
                Assert.StartsWith("$", e.Path);
                Assert.False(string.IsNullOrEmpty(e.Message));
            });
        }
    }

    [Fact]
    public void Random_bytes_never_throw() =>
        Gen.Select(Gen.Byte.Array[0, 256], Gen.OneOf(Kinds))
            .Sample((bytes, kind) => AssertWellFormed(PolicyParser.Parse(bytes, kind)), iter: 3000);

    [Fact]
    public void Random_strings_never_throw() =>
        Gen.Select(Gen.Char.Array[0, 128], Gen.OneOf(Kinds))
            .Sample((chars, kind) => AssertWellFormed(PolicyParser.Parse(new string(chars), kind)), iter: 3000);

    [Fact]
    public void Random_JSON_values_never_throw() =>
        Gen.Select(JsonValue(5), Gen.OneOf(Kinds))
            .Sample((json, kind) => AssertWellFormed(PolicyParser.Parse(json, kind)), iter: 3000);

    [Fact]
    public void Random_statements_never_throw() =>
        Gen.Select(JsonValue(4).List[1, 3], Gen.OneOf(Kinds), Gen.Bool)
            .Sample((statements, kind, asArray) =>
            {
                var statement = asArray ? "[" + string.Join(",", statements) + "]" : statements[0];
                AssertWellFormed(PolicyParser.Parse("{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}", kind));
            }, iter: 3000);

    [Fact]
    public void Mutated_real_policies_never_throw()
    {
        var corpus = PolicyCorpus.All;
        var mutation = Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[0, 4], Gen.Int[0, 100_000], Gen.Int[0, 100_000],
            Gen.OneOf('"', '{', '}', '[', ']', ',', ':', '\\', 'x', '*', '0', ' ', '\u0000', '\uD800', 'é'));
        mutation.Sample((which, op, a, b, c) =>
        {
            var (_, json, kind) = corpus[which];
            var mutated = Mutate(json, op, a % (json.Length + 1), b % (json.Length + 1), c);
            AssertWellFormed(PolicyParser.Parse(mutated, kind));
            AssertWellFormed(PolicyParser.Parse(Encoding.UTF8.GetBytes(mutated), kind));
        }, iter: 5000);
    }

    private static string Mutate(string json, int op, int i, int j, char c)
    {
        var (lo, hi) = (Math.Min(i, j), Math.Max(i, j));
        return op switch
        {
            0 => json.Remove(lo, hi - lo),                     // delete a span
            1 => json.Insert(i, c.ToString()),                 // insert a character
            2 => i < json.Length ? json.Remove(i, 1).Insert(i, c.ToString()) : json + c,
            3 => json.Insert(i, json[lo..hi]),                 // duplicate a span (duplicate keys, nested copies)
            _ => json[..i],                                    // truncate
        };
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000)]
    [InlineData(200_000)]
    public void Deep_nesting_is_a_syntax_error_not_a_crash(int depth)
    {
        var deep = new string('[', depth) + new string(']', depth);
        var json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:x\":" + deep + "}}}}";
        var result = PolicyParser.Parse(json, PolicyKind.Identity);
        AssertWellFormed(result);
        Assert.False(result.Success);
    }

    [Fact]
    public void Invalid_UTF8_is_a_syntax_error_at_the_root()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::XX\"}}");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // 0xC3 must be followed by a continuation byte
        var result = PolicyParser.Parse(bytes, PolicyKind.Identity);
        Assert.Equal<PolicyError>([new PolicyError(PolicyError.MalformedPolicyDocument, PolicyMessages.SyntaxErrors, "$")], result.Errors);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[0])]
    public void Odd_byte_inputs_are_refused_as_values(byte[] bytes) => AssertWellFormed(PolicyParser.Parse(bytes, PolicyKind.Identity));

    [Fact]
    public void Lone_surrogates_in_string_input_do_not_throw() =>
        AssertWellFormed(PolicyParser.Parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::\uD800\"}}", PolicyKind.Identity));

    [Fact]
    public void Null_string_input_is_a_syntax_error() =>
        Assert.Equal(PolicyMessages.SyntaxErrors, PolicyParser.Parse((string)null!, PolicyKind.Identity).Errors.Single().Message);

    [Fact]
    public void Whitespace_between_tokens_never_changes_the_outcome()
    {
        foreach (var (_, json, kind) in PolicyCorpus.All)
        {
            var compact = System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
            Assert.Equal(PolicyParser.Parse(json, kind).Success, PolicyParser.Parse(compact, kind).Success);
            Assert.Equal(PolicyParser.Parse(json, kind).Document!.Statements.Length, PolicyParser.Parse(compact, kind).Document!.Statements.Length);
        }
    }
}
