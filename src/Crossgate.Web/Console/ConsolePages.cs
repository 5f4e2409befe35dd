using System.Collections.Frozen;
using System.Text;

namespace Crossgate.Web.Console;

/// <summary>The console's pages: each embedded file (<c>pages/NAME.html</c>) holds only what is inside
/// <c>&lt;main&gt;</c>; the one layout (<c>layout.html</c>: head, navigation, sign-out, footer) is put around it once,
/// when the assembly is loaded, so every page is served as fixed bytes.</summary>
public static class ConsolePages
{
    public sealed record Page(string Route, string Name, string Title);

    /// <summary>Routes (routing ignores a trailing slash: "/console/" is also "/console"), the page's name (its file,
    /// its <c>data-page</c> for the script and the navigation) and its title.</summary>
    public static readonly Page[] All =
    [
        new("/console/", "accounts", "Accounts"),
        new("/console/add", "add", "Add account"),
        new("/console/accounts/{alias}", "account", "Account"),
        new("/console/discover", "discover", "Discover"),
        new("/console/permissions", "permissions", "Permission profile"),
        new("/console/monitoring", "monitoring", "Monitoring"),
        new("/console/graph", "graph", "Access graph"),
    ];

    private static readonly FrozenDictionary<string, byte[]> Composed = Compose();

    /// <summary>The whole page, layout included, as UTF-8.</summary>
    public static byte[] Html(string name) => Composed[name];

    private static FrozenDictionary<string, byte[]> Compose()
    {
        var layout = Text("layout.html");
        var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var page in All)
        {
            // The content goes in last, so a "{{" inside a page is never taken for a placeholder.
            var html = layout.Replace("{{title}}", page.Title, StringComparison.Ordinal)
                .Replace("{{page}}", page.Name, StringComparison.Ordinal)
                .Replace("{{content}}", Text($"pages/{page.Name}.html"), StringComparison.Ordinal);
            pages[page.Name] = Encoding.UTF8.GetBytes(html);
        }

        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Text(string asset) => Encoding.UTF8.GetString(
        (ConsoleAssets.Find(asset) ?? throw new InvalidOperationException($"The console asset '{asset}' is not embedded.")).Content);
}
