using System.Text;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>The parser reads clean documents in one fast pass and falls back to an exact reading, which locates
/// faults, whenever the fast pass has any doubt. An escaped element name (<c>"\u0045ffect"</c> is <c>"Effect"</c>)
/// is one such doubt, so escaping a name forces the exact reading: both readings must give the same result.</summary>
public class ReadingPathTests
{
    private const string EscapedEffect = "\"\\u0045ffect\"";

    public static TheoryData<string, PolicyKind> Documents()
    {
        var data = new TheoryData<string, PolicyKind>();
        foreach (var (_, json, kind) in PolicyCorpus.All)
        {
            data.Add(json, kind);
        }

        foreach (var kind in Enum.GetValues<PolicyKind>())
        {
            data.Add(Identity, kind);
            data.Add(Resource, kind);
        }

        data.Add(Trust, PolicyKind.Trust);
        data.Add(Trust, PolicyKind.Identity);
        data.Add("""{"Statement":{"Effect":"Deny","NotPrincipal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/a/B"]},"NotAction":"s3:*","NotResource":"*"}}""", PolicyKind.Resource);
        data.Add("""{"Version":"2008-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}""", PolicyKind.Resource);
        data.Add("""{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", PolicyKind.Identity);
        data.Add("""{"Version":"2012-10-17","Statement":[{"Sid":"a-b","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"}}]}""", PolicyKind.Trust);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Fast_and_exact_readings_agree(string json, PolicyKind kind)
    {
        Assert.Contains("\"Effect\"", json);
        var fast = PolicyParser.Parse(json, kind);
        var exact = PolicyParser.Parse(json.Replace("\"Effect\"", EscapedEffect), kind);
        Assert.Equal(Describe(exact), Describe(fast));
    }

    [Theory]
    [InlineData(Identity, PolicyKind.Identity)]
    [InlineData(Resource, PolicyKind.Resource)]
    [InlineData(Trust, PolicyKind.Trust)]
    public void Sample_documents_are_valid_for_their_kind(string json, PolicyKind kind)
    {
        var result = PolicyParser.Parse(json, kind);
        Assert.True(result.Success, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Long_lists_read_in_full(int count)
    {
        var actions = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"s3:Get{i}\""));
        var keys = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"aws:k{i}\":[" + string.Join(",", Enumerable.Range(0, count).Select(v => v)) + "]"));
        var json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[""" + actions
            + """],"Resource":"*","Condition":{"NumericEquals":{""" + keys + "}}}]}";

        var statement = Assert.Single(PolicyParser.Parse(json, PolicyKind.Identity).Document!.Statements);

        Assert.Equal(count, statement.Actions.Length);
        Assert.Equal($"s3:Get{count - 1}", statement.Actions[^1]);
        Assert.Equal(count, statement.Condition.Conditions.Length);
        Assert.All(statement.Condition.Conditions, c => Assert.Equal(count, c.Values.Length));
    }

    [Fact]
    public void Many_statements_keep_their_order_and_indices()
    {
        var statements = string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"Sid":"S{{i}}","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"""));
        var document = PolicyParser.Parse($$"""{"Statement":[{{statements}}]}""", PolicyKind.Identity).Document!;

        Assert.Equal(40, document.Statements.Length);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(i, document.Statements[i].Index);
            Assert.Equal($"S{i}", document.Statements[i].Sid);
        }
    }

    private const string Identity = """
        {"Version":"2012-10-17","Id":"doc","Statement":[
          {"Sid":"One","Effect":"Allow","Action":["s3:GetObject","s3:List*"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
           "Condition":{"StringLike":{"s3:prefix":["home/","home/${aws:username}/*"]},"Bool":{"aws:SecureTransport":true},
                        "NumericLessThan":{"aws:MultiFactorAuthAge":3600.0},"ForAnyValue:StringEquals":{"aws:TagKeys":[]},"Foo":{}}},
          {"Effect":"Deny","NotAction":"iam:*","NotResource":"*","Condition":{"stringnotequalsifexists":{"aws:RequestTag/team it's":"x"}}}
        ]}
        """;

    private const string Resource = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"","Effect":"Allow","Principal":{"AWS":["*","123456789012"],"Service":"ec2.amazonaws.com","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"79a59df900b949e5"},"Action":"*","Resource":"*"},
          {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b/*"],"Condition":{"Null":{"aws:x":"true"}}}
        ]}
        """;

    private const string Trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:sts::111122223333:assumed-role/R/s"]},
          "Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"sts:ExternalId":"x"}}}]}
        """;

    private static string Describe(PolicyParseResult result)
    {
        var text = new StringBuilder();
        foreach (var error in result.Errors)
        {
            text.Append(error).Append('\n');
        }

        if (result.Document is not { } document)
        {
            return text.ToString();
        }

        text.Append(document.Kind).Append(' ').Append(document.Version).Append(' ').Append(document.Id).Append('\n');
        foreach (var s in document.Statements)
        {
            text.Append(s.Index).Append(' ').Append(s.Sid ?? "(none)").Append(' ').Append(s.Effect)
                .Append(" not:").Append(s.IsNotPrincipal).Append(s.IsNotAction).Append(s.IsNotResource).Append(" res:").Append(s.HasResource)
                .Append(" A=").AppendJoin('|', s.Actions).Append(" R=").AppendJoin('|', s.Resources);
            if (s.Principal is { } p)
            {
                text.Append(" P=").Append(p.IsWildcard).Append('/').AppendJoin('|', p.Aws).Append('/').AppendJoin('|', p.Service)
                    .Append('/').AppendJoin('|', p.Federated).Append('/').AppendJoin('|', p.CanonicalUser);
            }

            foreach (var c in s.Condition.Conditions)
            {
                text.Append(" C=").Append(c.Operator).Append(' ').Append(c.Key).Append(':').AppendJoin('|', c.Values);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
