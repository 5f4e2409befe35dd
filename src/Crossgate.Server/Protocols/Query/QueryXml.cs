using System.Text;
using System.Xml;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Query;

/// <summary>Renders the Query protocol's success and error envelopes.</summary>
public static class QueryXml
{
    public const string ContentType = "text/xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
    };

    /// <summary>
    /// <c>&lt;ActionResponse xmlns=…&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;…</c>;
    /// the Result element is left out for actions without output (<paramref name="writeResult"/> null).
    /// </summary>
    public static byte[] Success(string xmlNamespace, string action, string requestId, Action<XmlResultWriter>? writeResult)
    {
        return Render(xml =>
        {
            xml.WriteStartElement(action + "Response", xmlNamespace);
            if (writeResult is not null)
            {
                xml.WriteStartElement(action + "Result", xmlNamespace);
                writeResult(new XmlResultWriter(xml, xmlNamespace));
                xml.WriteEndElement();
            }
            xml.WriteStartElement("ResponseMetadata", xmlNamespace);
            xml.WriteElementString("RequestId", xmlNamespace, requestId);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    /// <summary><c>&lt;ErrorResponse xmlns=…&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static byte[] Error(string xmlNamespace, AwsError error, string requestId)
    {
        return Render(xml =>
        {
            xml.WriteStartElement("ErrorResponse", xmlNamespace);
            xml.WriteStartElement("Error", xmlNamespace);
            xml.WriteElementString("Type", xmlNamespace, error.IsReceiverFault ? "Receiver" : "Sender");
            xml.WriteElementString("Code", xmlNamespace, error.Code);
            xml.WriteElementString("Message", xmlNamespace, XmlText.Clean(error.Message));
            xml.WriteEndElement();
            xml.WriteElementString("RequestId", xmlNamespace, requestId);
            xml.WriteEndElement();
        });
    }

    private static byte[] Render(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            write(xml);
        }
        return stream.ToArray();
    }
}
