namespace Crossgate.Policies.Parsing;

/// <summary>Builds JSONPath-style locations such as <c>$.Statement[1].Principal.AWS[0]</c> for error reports.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsPlainName(name))
        {
            return parent + "." + name;
        }

        // Condition keys like "aws:RequestTag/team" need the bracket form to stay unambiguous.
        return parent + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    public static string Index(string parent, int index) => parent + "[" + index + "]";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
