using System.Text;
using System.Xml.Linq;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Tests.Protocols;

public sealed class XmlResultWriterTests
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    [Fact]
    public void Success_envelope_with_nested_structures_lists_and_maps()
    {
        var bytes = QueryXml.Success(Ns, "ListUsers", "req-1", r => r
            .List("Users", new[] { "alice", "bob" }, (w, name) => w
                .Element("UserName", name)
                .Element("PermissionsBoundary", (string?)null)
                .Struct("Info", i => i.Element("Count", 2).Element("Enabled", true)))
            .Element("IsTruncated", false)
            .List("Names", ["x"])
            .Map("Attributes", [new KeyValuePair<string, string>("k", "v")]));

        var expected =
            "<ListUsersResponse xmlns=\"" + Ns + "\"><ListUsersResult>" +
            "<Users><member><UserName>alice</UserName><Info><Count>2</Count><Enabled>true</Enabled></Info></member>" +
            "<member><UserName>bob</UserName><Info><Count>2</Count><Enabled>true</Enabled></Info></member></Users>" +
            "<IsTruncated>false</IsTruncated><Names><member>x</member></Names>" +
            "<Attributes><entry><key>k</key><value>v</value></entry></Attributes>" +
            "</ListUsersResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListUsersResponse>";
        Assert.Equal(XElement.Parse(expected).ToString(SaveOptions.DisableFormatting),
            XElement.Parse(Encoding.UTF8.GetString(bytes)).ToString(SaveOptions.DisableFormatting));
    }

    [Fact]
    public void Values_are_escaped()
    {
        var text = Encoding.UTF8.GetString(QueryXml.Success(Ns, "GetUserPolicy", "r", w =>
            w.Element("PolicyDocument", "%7B%22a%22%3A1%7D<&>\"")));

        Assert.Contains("<PolicyDocument>%7B%22a%22%3A1%7D&lt;&amp;&gt;\"</PolicyDocument>", text);
    }

    [Fact]
    public void No_child_element_carries_an_empty_namespace_declaration()
    {
        var text = Encoding.UTF8.GetString(QueryXml.Success(Ns, "GetUser", "r", w => w.Struct("User", u => u.Element("UserName", "a"))));

        Assert.DoesNotContain("xmlns=\"\"", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "xmlns="));
    }

    [Theory]
    [InlineData(false, "2026-11-23T10:30:15Z")]
    [InlineData(true, "2026-11-23T10:30:15.123Z")]
    public void Timestamps_are_ISO_8601_UTC(bool milliseconds, string expected)
    {
        var time = new DateTimeOffset(2026, 11, 23, 11, 30, 15, 123, TimeSpan.FromHours(1));
        Assert.Equal(expected, XmlResultWriter.FormatTimestamp(time, milliseconds));
    }

    [Theory]
    [InlineData(400, "Sender")]
    [InlineData(404, "Sender")]
    [InlineData(500, "Receiver")]
    [InlineData(503, "Receiver")]
    public void Error_envelope(int status, string type)
    {
        var xml = XElement.Parse(Encoding.UTF8.GetString(QueryXml.Error(Ns, new AwsError("X", "m <1>", status), "rid")));
        XNamespace ns = Ns;

        Assert.Equal(ns + "ErrorResponse", xml.Name);
        Assert.Equal(type, xml.Element(ns + "Error")!.Element(ns + "Type")!.Value);
        Assert.Equal("X", xml.Element(ns + "Error")!.Element(ns + "Code")!.Value);
        Assert.Equal("m <1>", xml.Element(ns + "Error")!.Element(ns + "Message")!.Value);
        Assert.Equal("rid", xml.Element(ns + "RequestId")!.Value);
    }
}
