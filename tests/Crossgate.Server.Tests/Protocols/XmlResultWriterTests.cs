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

    /// <summary>The envelope is written by hand; System.Xml's own writer, configured as the endpoint used to configure
    /// it, is the oracle for the bytes: declaration, indentation, empty elements, escaping and line ends.</summary>
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("a & b < c > d \" ' e")]
    [InlineData("line1\r\nline2\rline3\nline4\ttab")]
    [InlineData("non-ASCII: é ✓ 😀")]
    [InlineData("%7B%22Version%22%3A%222012-10-17%22%7D")]
    public void Bytes_match_System_Xml_writing_the_same_document(string value)
    {
        var ours = QueryXml.Success(Ns, "GetUser", "req-1", w => w
            .Struct("User", u => u.Element("UserName", value).Element("Path", "/").Struct("Empty", _ => { }))
            .List("Names", [value, "x"])
            .Map("Tags", [new KeyValuePair<string, string>("k", value)]));

        Assert.Equal(Encoding.UTF8.GetString(SystemXml(value)), Encoding.UTF8.GetString(ours));
    }

    private static byte[] SystemXml(string value)
    {
        using var stream = new MemoryStream();
        using (var xml = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " }))
        {
            void Text(string name, string text)
            {
                xml.WriteStartElement(name, Ns);
                xml.WriteString(text);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("GetUserResponse", Ns);
            xml.WriteStartElement("GetUserResult", Ns);
            xml.WriteStartElement("User", Ns);
            Text("UserName", value);
            Text("Path", "/");
            xml.WriteStartElement("Empty", Ns);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("Names", Ns);
            Text("member", value);
            Text("member", "x");
            xml.WriteEndElement();
            xml.WriteStartElement("Tags", Ns);
            xml.WriteStartElement("entry", Ns);
            Text("key", "k");
            Text("value", value);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("ResponseMetadata", Ns);
            Text("RequestId", "req-1");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
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
