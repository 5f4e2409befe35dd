using System.Net;
using System.Text;
using Crossgate.Web.Api;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crossgate.Web.Console;

/// <summary>The console: static pages that call <c>/api/v1</c> with the session cookie (HttpOnly, SameSite=Strict)
/// and the session's CSRF token; sign-in with the one-time URL or a pasted API token.</summary>
public static class ConsoleEndpoints
{
    public const string Prefix = "/console";

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var page in ConsolePages.All)
        {
            routes.MapGet(page.Route, (HttpContext context, PlatformService platform) => PageAsync(context, platform, page.Name)).ExcludeFromDescription();
        }

        routes.MapGet("/console/assets/{name}", (string name, HttpContext context) => Asset(name, context)).ExcludeFromDescription();
        routes.MapGet("/console/login", LoginWithUrlAsync).ExcludeFromDescription();
        routes.MapPost("/console/login", LoginWithFormAsync).ExcludeFromDescription();
        routes.MapPost("/console/logout", LogoutAsync).ExcludeFromDescription();
        routes.MapGet("/console/session", SessionAsync).ExcludeFromDescription();
    }

    /// <summary>Headers for every console answer: no framing, scripts and styles from this origin only, and no
    /// referrer to other sites (the login URL carries a token).</summary>
    public static void SecureHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }

    private static async Task<IResult> PageAsync(HttpContext context, PlatformService platform, string name)
    {
        var session = await platform.Sessions.FindAsync(context.Request.Cookies[ConsoleSessions.CookieName], context.RequestAborted);
        if (session is null)
        {
            return Results.Redirect("/console/login");
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(ConsolePages.Html(name), "text/html; charset=utf-8");
    }

    private static IResult Asset(string name, HttpContext context)
    {
        // Pages and the layout are served composed, behind the session check; never as bare files.
        if (name.EndsWith(".html", StringComparison.Ordinal) || ConsoleAssets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static async Task<IResult> LoginWithUrlAsync(HttpContext context, PlatformService platform)
    {
        var token = context.Request.Query["token"].ToString();
        if (token.Length == 0)
        {
            return LoginPage(null, StatusCodes.Status200OK);
        }

        return await SignInAsync(context, platform, token);
    }

    private static async Task<IResult> LoginWithFormAsync(HttpContext context, PlatformService platform)
    {
        // A sign-in form posted from another site would sign the browser in as someone else: refuse it.
        if (!SameOrigin(context.Request))
        {
            return LoginPage("The sign-in form must be sent from this console.", StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return LoginPage("Paste a token into the form.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = form["token"].ToString().Trim();
        return token.Length == 0
            ? LoginPage("Paste a token into the form.", StatusCodes.Status400BadRequest)
            : await SignInAsync(context, platform, token);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, PlatformService platform, string token)
    {
        var session = await platform.Sessions.SignInAsync(token, context.RequestAborted);
        if (session is null)
        {
            return LoginPage("That token does not sign in: a one-time login URL works once, and an API token only while it is not revoked. " +
                             "Create a token with 'crossgate platform token create --name NAME'.", StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(ConsoleSessions.CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return Results.Redirect("/console/");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, PlatformService platform)
    {
        var id = context.Request.Cookies[ConsoleSessions.CookieName];
        var session = await platform.Sessions.FindAsync(id, context.RequestAborted);
        if (session is not null && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!ConsoleSessions.FixedTimeEquals(form["csrf"].ToString(), session.Csrf))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            platform.Sessions.End(session.Id);
        }

        context.Response.Cookies.Delete(ConsoleSessions.CookieName, new CookieOptions { Path = "/" });
        return Results.Redirect("/console/login");
    }

    private static async Task<IResult> SessionAsync(HttpContext context, PlatformService platform)
    {
        context.Response.Headers.CacheControl = "no-store";
        var session = await platform.Sessions.FindAsync(context.Request.Cookies[ConsoleSessions.CookieName], context.RequestAborted);
        return session is null
            ? Problems.Of(StatusCodes.Status401Unauthorized, "Not signed in to the console.")
            : TypedResults.Json(new ConsoleSessionView(session.Caller, session.ReadOnly, session.Csrf), WebJsonContext.Default.ConsoleSessionView);
    }

    /// <summary>Browsers say where a form POST comes from (Sec-Fetch-Site, else Origin); when they do, it must be this
    /// console. A client that says neither is not a browser a cross-site form could drive.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static IResult LoginPage(string? message, int status)
    {
        var page = Encoding.UTF8.GetString(ConsoleAssets.Page("login.html").Content);
        var html = page.Replace("<!--message-->", message is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</p>", StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
