using System.Globalization;

namespace Crossgate.Server.Protocols.Query;

/// <summary>
/// Writes the inside of an <c>&lt;XResult&gt;</c> element the way the Query protocol shapes it: scalars as
/// elements, structures as nested elements, lists as <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>,
/// maps as <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>. Null values are left out, as AWS does.
/// </summary>
public sealed class XmlResultWriter
{
    private readonly Utf8XmlWriter _xml;

    internal XmlResultWriter(Utf8XmlWriter xml) => _xml = xml;

    public XmlResultWriter Element(string name, string? value)
    {
        if (value is null) return this;
        _xml.TextElement(name, XmlText.Clean(value));
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
        _xml.StartElement(name);
        body(this);
        _xml.EndElement(name);
        return this;
    }

    public XmlResultWriter List<T>(string name, IEnumerable<T> items, Action<XmlResultWriter, T> writeItem)
    {
        _xml.StartElement(name);
        foreach (var item in items)
        {
            _xml.StartElement("member");
            writeItem(this, item);
            _xml.EndElement("member");
        }
        _xml.EndElement(name);
        return this;
    }

    public XmlResultWriter List(string name, IEnumerable<string> values)
    {
        _xml.StartElement(name);
        foreach (var value in values) Element("member", value);
        _xml.EndElement(name);
        return this;
    }

    public XmlResultWriter Map(string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        _xml.StartElement(name);
        foreach (var (key, value) in entries)
        {
            _xml.StartElement("entry");
            Element("key", key);
            Element("value", value);
            _xml.EndElement("entry");
        }
        _xml.EndElement(name);
        return this;
    }

    public static string FormatTimestamp(DateTimeOffset value, bool milliseconds = false) =>
        value.UtcDateTime.ToString(milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'",
            CultureInfo.InvariantCulture);
}
