namespace Crossgate.Policies.Catalog;

/// <summary>The access level AWS gives an action. A few actions carry two (e.g. "Permissions management, Write").</summary>
[Flags]
public enum AccessLevel
{
    None = 0,
    List = 1,
    Read = 2,
    Write = 4,
    PermissionsManagement = 8,
    Tagging = 16,
}

internal static class AccessLevelText
{
    public static AccessLevel Parse(string text)
    {
        var level = AccessLevel.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            level |= part switch
            {
                "List" => AccessLevel.List,
                "Read" => AccessLevel.Read,
                "Write" => AccessLevel.Write,
                "Permissions management" => AccessLevel.PermissionsManagement,
                "Tagging" => AccessLevel.Tagging,
                _ => AccessLevel.None,
            };
        }

        return level;
    }
}
