using System.Globalization;
using System.Xml;

namespace Crossgate.Server.Protocols.Query;

/// <summary>
/// Writes the inside of an <c>&lt;XResult&gt;</c> element the way the Query protocol shapes it: scalars as
/// elements, structures as nested elements, lists as <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>,
/// maps as <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>. Null values are left out, as AWS does.
/// </summary>
public sealed class XmlResultWriter
{
    private readonly XmlWriter _xml;
    private readonly string _ns;

    internal XmlResultWriter(XmlWriter xml, string ns)
    {
        _xml = xml;
        _ns = ns;
    }

    public XmlResultWriter Element(string name, string? value)
    {
        if (value is null) return this;
        _xml.WriteStartElement(name, _ns);
        _xml.WriteString(XmlText.Clean(value));
        _xml.WriteEndElement();
        return this;
    }

    public XmlResultWriter Element(string name, int? value) =>
        Element(name, value?.ToString(CultureInfo.InvariantCulture));

    public XmlResultWriter Element(string name, long? value) =>
        Element(name, value?.ToString(CultureInfo.InvariantCulture));

    public XmlResultWriter Element(string name, bool? value) =>
        Element(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>ISO-8601 UTC, e.g. <c>2026-11-23T10:30:15Z</c>; with milliseconds as STS writes <c>Expiration</c>.</summary>
    public XmlResultWriter Element(string name, DateTimeOffset? value, bool milliseconds = false) =>
        Element(name, value is null ? null : FormatTimestamp(value.Value, milliseconds));

    public XmlResultWriter Struct(string name, Action<XmlResultWriter> body)
    {
        _xml.WriteStartElement(name, _ns);
        body(this);
        _xml.WriteEndElement();
        return this;
    }

    public XmlResultWriter List<T>(string name, IEnumerable<T> items, Action<XmlResultWriter, T> writeItem)
    {
        _xml.WriteStartElement(name, _ns);
        foreach (var item in items)
        {
            _xml.WriteStartElement("member", _ns);
            writeItem(this, item);
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        return this;
    }

    public XmlResultWriter List(string name, IEnumerable<string> values)
    {
        _xml.WriteStartElement(name, _ns);
        foreach (var value in values) Element("member", value);
        _xml.WriteEndElement();
        return this;
    }

    public XmlResultWriter Map(string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        _xml.WriteStartElement(name, _ns);
        foreach (var (key, value) in entries)
        {
            _xml.WriteStartElement("entry", _ns);
            Element("key", key);
            Element("value", value);
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        return this;
    }

    public static string FormatTimestamp(DateTimeOffset value, bool milliseconds = false) =>
        value.UtcDateTime.ToString(milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'",
            CultureInfo.InvariantCulture);
}
