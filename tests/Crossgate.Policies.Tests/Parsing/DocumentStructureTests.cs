using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_grammar / _elements_statement / _elements_id: top-level shape of a document.</summary>
public class DocumentStructureTests
{
    private const string S = "{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*'}";

    [Fact]
    public void Statement_as_a_single_object_gives_one_statement_with_index_0()
    {
        var doc = AssertOk(Q("{'Version':'2012-10-17','Statement':" + S + "}"), PolicyKind.Identity);
        var statement = Assert.Single(doc.Statements);
        Assert.Equal(0, statement.Index);
    }

    [Fact]
    public void Statement_array_keeps_order_and_indexes()
    {
        var doc = AssertOk(Q("{'Version':'2012-10-17','Statement':[" + S + "," + S.Replace("Allow", "Deny") + "]}"), PolicyKind.Identity);
        Assert.Equal(2, doc.Statements.Length);
        Assert.Equal(Effect.Allow, doc.Statements[0].Effect);
        Assert.Equal(Effect.Deny, doc.Statements[1].Effect);
        Assert.Equal(1, doc.Statements[1].Index);
    }

    [Fact]
    public void Id_is_kept()
    {
        var doc = AssertOk(Q("{'Version':'2012-10-17','Id':'cd3ad3d9-2776-4ef1-a904-4c229d1642ee','Statement':" + S + "}"), PolicyKind.Identity);
        Assert.Equal("cd3ad3d9-2776-4ef1-a904-4c229d1642ee", doc.Id);
    }

    [Fact]
    public void Kind_is_recorded_on_the_document() =>
        Assert.Equal(PolicyKind.PermissionsBoundary, AssertOk(Q("{'Statement':" + S + "}"), PolicyKind.PermissionsBoundary).Kind);

    [Theory]
    [InlineData("{'Version':'2012-10-17'}", "$")]
    [InlineData("{}", "$")]
    [InlineData("{'Version':'2012-10-17','Statement':[]}", "$.Statement")]
    [InlineData("{'Version':'2012-10-17','Statement':'x'}", "$.Statement")]
    [InlineData("{'Version':'2012-10-17','Statement':null}", "$.Statement")]
    [InlineData("{'Version':'2012-10-17','Statement':7}", "$.Statement")]
    [InlineData("{'Version':'2012-10-17','Statement':[" + S + ",'x']}", "$.Statement[1]")]
    [InlineData("{'Version':'2012-10-17','Statement':[" + S + ",[]]}", "$.Statement[1]")]
    [InlineData("{'Version':'2012-10-17','Id':5,'Statement':" + S + "}", "$.Id")]
    [InlineData("{'Version':'2012-10-17','Id':null,'Statement':" + S + "}", "$.Id")]
    public void Missing_or_misshapen_Statement_and_Id_are_syntax_errors(string json, string path) =>
        AssertFails(Q(json), PolicyKind.Identity, Syntax, path);

    [Theory]
    [InlineData("{'Version':'2012-10-17','Statment':" + S + "}", "$.Statment")]
    [InlineData("{'Version':'2012-10-17','Statement':" + S + ",'Extra':1}", "$.Extra")]
    [InlineData("{'version':'2012-10-17','Statement':" + S + "}", "$.version")]
    [InlineData("{'Version':'2012-10-17','statement':" + S + ",'Statement':" + S + "}", "$.statement")]
    public void Unknown_top_level_elements_are_syntax_errors(string json, string path) =>
        AssertFails(Q(json), PolicyKind.Identity, Syntax, path);

    [Theory]
    [InlineData("{'Version':'2012-10-17','Version':'2012-10-17','Statement':" + S + "}", "$.Version")]
    [InlineData("{'Version':'2012-10-17','Statement':" + S + ",'Statement':" + S + "}", "$.Statement")]
    [InlineData("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Effect':'Deny','Action':'s3:*','Resource':'*'}}", "$.Statement.Effect")]
    [InlineData("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true','aws:SecureTransport':'false'}}}}",
        "$.Statement.Condition.Bool['aws:SecureTransport']")]
    public void Duplicate_keys_are_syntax_errors(string json, string path) =>
        AssertFails(Q(json), PolicyKind.Identity, Syntax, path);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("'policy'")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("{'Version':'2012-10-17',}")]
    [InlineData("{'Version':'2012-10-17'} trailing")]
    [InlineData("{/*c*/'Statement':{}}")]
    [InlineData("{'Version':'2012-10-17' 'Statement':{}}")]
    [InlineData("{Version:'2012-10-17'}")]
    public void Malformed_JSON_is_Syntax_errors_in_policy_at_the_root(string json) =>
        AssertFails(Q(json), PolicyKind.Identity, Syntax, "$");

    [Fact]
    public void Sids_must_be_unique_within_a_policy() =>
        AssertFails(Q("{'Version':'2012-10-17','Statement':[{'Sid':'A','Effect':'Allow','Action':'s3:*','Resource':'*'},{'Sid':'A','Effect':'Deny','Action':'s3:*','Resource':'*'}]}"),
            PolicyKind.Identity, Crossgate.Policies.Parsing.PolicyMessages.SidNotUnique, "$.Statement[1].Sid");

    [Fact]
    public void Empty_sids_may_repeat()
    {
        var doc = AssertOk(Q("{'Version':'2012-10-17','Statement':[{'Sid':'','Effect':'Allow','Action':'s3:*','Resource':'*'},{'Sid':'','Effect':'Deny','Action':'s3:*','Resource':'*'}]}"),
            PolicyKind.Identity);
        Assert.Equal(string.Empty, doc.Statements[1].Sid);
    }

    [Fact]
    public void Sid_is_kept()
    {
        var doc = AssertOk(IdentityStatement(",'Sid':'RequiredForStartup2'"), PolicyKind.Identity);
        Assert.Equal("RequiredForStartup2", doc.Statements[0].Sid);
    }

    [Theory]
    [InlineData("'Sid':5")]
    [InlineData("'Sid':null")]
    [InlineData("'Sid':['a']")]
    public void Non_string_Sid_is_a_syntax_error(string sid) =>
        AssertFails(IdentityStatement("," + sid), PolicyKind.Identity, Syntax, "$.Statement.Sid");

    [Theory]
    [InlineData("Deny if org:bu absent")]
    [InlineData("my-sid")]
    [InlineData("sid_1")]
    public void IAM_sids_must_be_alphanumeric(string sid) =>
        AssertFails(IdentityStatement(",'Sid':'" + sid + "'"), PolicyKind.Identity,
            Crossgate.Policies.Parsing.PolicyMessages.SidNotAlphanumeric, "$.Statement.Sid");

    [Fact]
    public void Resource_policies_accept_sids_with_other_characters() =>
        AssertOk(OneStatement("'Sid':'Allow read-only','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'"), PolicyKind.Resource);

    [Theory]
    [InlineData("'Effect':'Allow','Action':'s3:*','Resource':'*','Foo':1", "$.Statement.Foo")]
    [InlineData("'Effect':'Allow','Action':'s3:*','Resource':'*','action':'s3:*'", "$.Statement.action")]
    [InlineData("'Effect':'Allow','Action':'s3:*','Resource':'*','Conditions':{}", "$.Statement.Conditions")]
    public void Unknown_statement_elements_are_syntax_errors(string body, string path) =>
        AssertFails(OneStatement(body), PolicyKind.Identity, Syntax, path);
}
