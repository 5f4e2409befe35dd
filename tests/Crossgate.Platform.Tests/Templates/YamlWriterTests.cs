using System.Text.Json.Nodes;
using Crossgate.Platform.Templates;
using Crossgate.Platform.Tests.Support;

namespace Crossgate.Platform.Tests.Templates;

public class YamlWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("sts:AssumeRole", "sts:AssumeRole")]
    [InlineData("AWS::IAM::Role", "AWS::IAM::Role")]
    [InlineData("2010-09-09", "'2010-09-09'")]
    [InlineData("111111111111", "'111111111111'")]
    [InlineData("true", "'true'")]
    [InlineData("No", "'No'")]
    [InlineData("null", "'null'")]
    [InlineData("*", "'*'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("key:", "'key:'")]
    [InlineData("", "''")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("tab\there <&+> é \"q\"", "\"tab\\there <&+> é \\\"q\\\"\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void Strings_are_quoted_only_when_a_reader_could_misread_them(string text, string expected)
    {
        Assert.Equal(expected, YamlWriter.Quote(text));
    }

    [Fact]
    public void Nested_maps_and_sequences_are_indented_under_their_keys()
    {
        var node = new JsonObject
        {
            ["A"] = new JsonObject { ["B"] = new JsonArray(1, "x", new JsonObject { ["C"] = true, ["D"] = new JsonArray() }) },
            ["E"] = new JsonObject(),
        };
        Assert.Equal("A:\n  B:\n    - 1\n    - x\n    - C: true\n      D: []\nE: {}\n", YamlWriter.Write(node));
    }

    [Fact]
    public void Tricky_trees_read_back_identically_with_a_real_yaml_reader()
    {
        var python = ExternalTool.RequirePythonModule("yaml", "PyYAML");

        var node = new JsonObject
        {
            ["strings"] = new JsonArray("yes", "No", "~", "0x1F", "1e3", "0755", ".inf", "-", "- a", "? x", "#c", "a #b", "&x", "*x", "!tag",
                "%d", "@x", "`x", "{a}", "[a]", "a,b", "'q'", "\"d\"", "tab\there", "uni\u00e9", "${AWS::Region}", "12:30", " lead", "trail ", "\u0001"),
            ["numbers"] = new JsonArray(0, 3600, -5, 1.5),
            ["flags"] = new JsonArray(true, false),
            ["nested"] = new JsonArray(new JsonArray("a", new JsonObject { ["k: v"] = "x" }), new JsonObject()),
        };

        var script = "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))";
        var (exit, output, error) = ExternalTool.Run(python, ["-c", script], YamlWriter.Write(node));
        Assert.True(exit == 0, error);
        Assert.True(JsonNode.DeepEquals(node, JsonNode.Parse(output)), output);
    }
}
