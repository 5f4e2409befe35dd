using System.Text;
using System.Text.Json;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Organizations' <c>NextToken</c>/<c>MaxResults</c> paging over a list ordered by a stable key. The token
/// names the last key returned, so that items added meanwhile neither repeat nor go missing.</summary>
internal static class OrganizationsPaging
{
    public const int MaxResultsLimit = 20;

    /// <summary>The page's items and the token for the next one (null on the last page), or an error for a bad
    /// <c>MaxResults</c> or <c>NextToken</c>.</summary>
    public static (IReadOnlyList<T> Items, string? NextToken, AwsError? Error) Page<T>(JsonElement body, IEnumerable<T> items, Func<T, string> keyOf)
    {
        var max = JsonArgs.Int(body, "MaxResults") ?? MaxResultsLimit;
        if (max < 1)
        {
            return ([], null, OrganizationsErrors.InvalidInput("MIN_VALUE_EXCEEDED", "You provided a value for MaxResults that is smaller than the minimum allowed."));
        }

        if (max > MaxResultsLimit)
        {
            return ([], null, OrganizationsErrors.InvalidInput("MAX_VALUE_EXCEEDED", "You provided a value for MaxResults that is larger than the maximum allowed."));
        }

        string? after = null;
        if (JsonArgs.String(body, "NextToken") is { } token)
        {
            after = Decode(token);
            if (after is null)
            {
                return ([], null, OrganizationsErrors.InvalidNextToken());
            }
        }

        var ordered = items.OrderBy(keyOf, StringComparer.Ordinal).ToList();
        var start = after is null ? 0 : ordered.FindIndex(i => string.CompareOrdinal(keyOf(i), after) > 0);
        if (start < 0)
        {
            start = ordered.Count;
        }

        var page = ordered.Skip(start).Take(max).ToList();
        var more = start + page.Count < ordered.Count;
        return (page, more ? Encode(keyOf(page[^1])) : null, null);
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("cg1:" + key));

    private static string? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("cg1:", StringComparison.Ordinal) ? text[4..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
