using System.Text;

namespace Crossgate.Server.Protocols.Query;

/// <summary>Text made writable into XML 1.0: characters XML cannot carry (controls other than tab, CR and LF,
/// U+FFFE/U+FFFF, lone surrogates) become U+FFFD, so a parameter echoed into a message never breaks the answer.</summary>
public static class XmlText
{
    public static string Clean(string value)
    {
        var bad = FirstInvalid(value);
        if (bad < 0) return value;
        var text = new StringBuilder(value.Length);
        text.Append(value, 0, bad);
        for (var i = bad; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(IsValid(c) ? c : '\uFFFD');
            }
        }

        return text.ToString();
    }

    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsValid(c)) return i;
        }

        return -1;
    }

    private static bool IsValid(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
