using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Console;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crossgate.Web.Api;

/// <summary>The door of <c>/api/v1</c>: every refusal and failure beneath it is a problem document (a handler's
/// exception becomes a 500 without its details; an unmatched route a 404); a request needs a bearer token (looked up
/// by hash on every request, so a revoked token stops at once) or a console session cookie with its CSRF header for
/// changes; a read-only caller may only read.</summary>
public sealed class ApiGate(IPlatformStore store, ConsoleSessions sessions, ILogger<ApiGate> logger)
{
    public const string Prefix = "/api/v1";

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            var refusal = await AuthorizeAsync(context).ConfigureAwait(false);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next().ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentType is null)
            {
                // Routing's own refusals (no such route, wrong method, a bad route value) come without a body.
                await Problems.Of(context.Response.StatusCode, context.Response.StatusCode switch
                {
                    404 => $"There is no {context.Request.Method} {Problems.Shorten(context.Request.Path.Value ?? string.Empty)} in this API; GET {Prefix}/openapi.json describes it.",
                    405 => $"{context.Request.Method} is not allowed on {Problems.Shorten(context.Request.Path.Value ?? string.Empty)}; GET {Prefix}/openapi.json lists the methods.",
                    _ => "The request could not be handled.",
                }).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Problems.Of(ex.StatusCode, ex.StatusCode == 413
                ? $"The request body is larger than this server accepts."
                : $"The request could not be read: {ex.Message}").ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (PlatformUnavailableException ex) when (!context.Response.HasStarted)
        {
            await Problems.Of(StatusCodes.Status502BadGateway, ex.Message).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.Of(StatusCodes.Status500InternalServerError,
                $"The platform failed while handling the request ({ex.GetType().Name}); nothing was changed by the failed step. The service log has the details.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    private async Task<IResult?> AuthorizeAsync(HttpContext context)
    {
        var caller = await IdentifyAsync(context).ConfigureAwait(false);
        if (caller.Problem is not null)
        {
            return caller.Problem;
        }

        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (caller.Caller!.ReadOnly && !isRead)
        {
            return Problems.Of(StatusCodes.Status403Forbidden,
                $"The {caller.Caller.Name} is read-only: it may read everything and change nothing. Use a token made without --read-only.");
        }

        caller.Caller.AttachTo(context);
        return null;
    }

    private async Task<(ApiCaller? Caller, IResult? Problem)> IdentifyAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Unauthorized("The Authorization header must be 'Bearer <token>'."));
            }

            var token = await store.FindTokenAsync(TokenSecrets.Hash(authorization["Bearer ".Length..].Trim()), context.RequestAborted).ConfigureAwait(false);
            return token is null
                ? (null, Unauthorized("The bearer token is not valid (unknown or revoked). Create one with 'crossgate platform token create --name NAME'."))
                : (new ApiCaller($"token '{token.Name}'", token.ReadOnly), null);
        }

        var session = await sessions.FindAsync(context.Request.Cookies[ConsoleSessions.CookieName], context.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            return (null, Unauthorized("Send 'Authorization: Bearer <token>'; create a token with 'crossgate platform token create --name NAME'."));
        }

        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (!isRead && !ConsoleSessions.FixedTimeEquals(context.Request.Headers[ConsoleSessions.CsrfHeader].ToString(), session.Csrf))
        {
            return (null, Problems.Of(StatusCodes.Status403Forbidden,
                $"A change made with the console's session must carry its {ConsoleSessions.CsrfHeader} header; reload the console page."));
        }

        return (new ApiCaller(session.Caller, session.ReadOnly), null);
    }

    private static IResult Unauthorized(string detail) => new WithHeader(Problems.Of(StatusCodes.Status401Unauthorized, detail), "WWW-Authenticate", "Bearer");

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
