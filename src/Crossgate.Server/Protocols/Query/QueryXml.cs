using System.Buffers;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Query;

/// <summary>Renders the Query protocol's success and error envelopes.</summary>
public static class QueryXml
{
    public const string ContentType = "text/xml";

    /// <summary>
    /// <c>&lt;ActionResponse xmlns=…&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;…</c>;
    /// the Result element is left out for actions without output (<paramref name="writeResult"/> null).
    /// </summary>
    public static byte[] Success(string xmlNamespace, string action, string requestId, Action<XmlResultWriter>? writeResult)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        Success(output, xmlNamespace, action, requestId, writeResult);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The success envelope written into <paramref name="output"/>.</summary>
    public static void Success(ArrayBufferWriter<byte> output, string xmlNamespace, string action, string requestId, Action<XmlResultWriter>? writeResult)
    {
        var xml = new Utf8XmlWriter(output);
        var root = action + "Response";
        xml.StartElement(root, xmlNamespace);
        if (writeResult is not null)
        {
            var result = action + "Result";
            xml.StartElement(result);
            writeResult(new XmlResultWriter(xml));
            xml.EndElement(result);
        }

        xml.StartElement("ResponseMetadata");
        xml.TextElement("RequestId", XmlText.Clean(requestId));
        xml.EndElement("ResponseMetadata");
        xml.EndElement(root);
    }

    /// <summary><c>&lt;ErrorResponse xmlns=…&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static byte[] Error(string xmlNamespace, AwsError error, string requestId)
    {
        var output = new ArrayBufferWriter<byte>(512);
        var xml = new Utf8XmlWriter(output);
        xml.StartElement("ErrorResponse", xmlNamespace);
        xml.StartElement("Error");
        xml.TextElement("Type", error.IsReceiverFault ? "Receiver" : "Sender");
        xml.TextElement("Code", XmlText.Clean(error.Code));
        xml.TextElement("Message", XmlText.Clean(error.Message));
        xml.EndElement("Error");
        xml.TextElement("RequestId", XmlText.Clean(requestId));
        xml.EndElement("ErrorResponse");
        return output.WrittenSpan.ToArray();
    }
}
