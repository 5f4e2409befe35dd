using Microsoft.AspNetCore.Http;

namespace Crossgate.Web.Api;

/// <summary>Who made an API request: a bearer token or a console session, and whether it may only read.</summary>
public sealed record ApiCaller(string Name, bool ReadOnly)
{
    private static readonly object Key = new();

    public static ApiCaller Of(HttpContext context) => (ApiCaller)context.Items[Key]!;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
