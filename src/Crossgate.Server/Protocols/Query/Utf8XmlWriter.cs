using System.Buffers;
using System.Text;

namespace Crossgate.Server.Protocols.Query;

/// <summary>
/// The few XML shapes the Query protocol answers with (elements, text, one namespace on the root), written straight
/// to UTF-8 and indented as <see cref="System.Xml.XmlWriter"/> indents: System.Xml's writer allocates buffers of its
/// own for every document. Text is escaped as XmlWriter escapes it (<c>&amp;</c>,
/// <c>&lt;</c>, <c>&gt;</c>; CR and CRLF become LF); callers pass text already made valid by <see cref="XmlText"/>.
/// </summary>
internal sealed class Utf8XmlWriter
{
    private static ReadOnlySpan<byte> Declaration => "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8;

    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\r");

    private readonly ArrayBufferWriter<byte> _output;
    private int _depth;

    // "<Name" written without its ">": closed by content, or as "<Name />" when none comes.
    private bool _startOpen;

    // The element just ended or started had element children, so its parent's end tag goes on its own line.
    private bool _lastWasElement;

    public Utf8XmlWriter(ArrayBufferWriter<byte> output)
    {
        _output = output;
        _output.Write(Declaration);
    }

    public void StartElement(string name, string? xmlNamespace = null)
    {
        CloseStartTag();
        NewLine();
        Ascii("<");
        Ascii(name);
        if (xmlNamespace is not null)
        {
            Ascii(" xmlns=\"");
            Escape(xmlNamespace, attribute: true);
            Ascii("\"");
        }

        _startOpen = true;
        _lastWasElement = false;
        _depth++;
    }

    public void EndElement(string name)
    {
        _depth--;
        if (_startOpen)
        {
            Ascii(" />");
            _startOpen = false;
        }
        else
        {
            if (_lastWasElement) NewLine();
            Ascii("</");
            Ascii(name);
            Ascii(">");
        }

        _lastWasElement = true;
    }

    /// <summary><c>&lt;name&gt;text&lt;/name&gt;</c> on one line.</summary>
    public void TextElement(string name, string text)
    {
        StartElement(name);
        CloseStartTag();
        Escape(text, attribute: false);
        _depth--;
        Ascii("</");
        Ascii(name);
        Ascii(">");
        _lastWasElement = true;
    }

    private void CloseStartTag()
    {
        if (!_startOpen) return;
        Ascii(">");
        _startOpen = false;
    }

    private void NewLine()
    {
        var span = _output.GetSpan(1 + 2 * _depth);
        span[0] = (byte)'\n';
        span.Slice(1, 2 * _depth).Fill((byte)' ');
        _output.Advance(1 + 2 * _depth);
    }

    private void Ascii(string text)
    {
        var span = _output.GetSpan(text.Length);
        var written = Encoding.UTF8.GetBytes(text, span);
        _output.Advance(written);
    }

    private void Escape(string text, bool attribute)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var special = attribute ? rest.IndexOfAny('&', '<', '"') : rest.IndexOfAny(Escaped);
            var run = special < 0 ? rest : rest[..special];
            if (!run.IsEmpty)
            {
                var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
                _output.Advance(Encoding.UTF8.GetBytes(run, span));
            }

            if (special < 0) break;
            var c = rest[special];
            rest = rest[(special + 1)..];
            switch (c)
            {
                case '&': _output.Write("&amp;"u8); break;
                case '<': _output.Write("&lt;"u8); break;
                case '>': _output.Write("&gt;"u8); break;
                case '"': _output.Write("&quot;"u8); break;
                case '\r':
                    // XmlWriter's NewLineHandling.Replace: CRLF and a lone CR are written as LF.
                    _output.Write("\n"u8);
                    if (!rest.IsEmpty && rest[0] == '\n') rest = rest[1..];
                    break;
            }
        }
    }
}
