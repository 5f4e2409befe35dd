using Crossgate.Web.Service;
using Microsoft.AspNetCore.Http;

namespace Crossgate.Web.Api;

/// <summary>RFC 9457 problem details (<c>application/problem+json</c>) for every refusal under <c>/api/v1</c>.</summary>
public static class Problems
{
    public static IResult From(ServiceError error) => Of(error.Status, error.Detail, error.Title);

    public static IResult Of(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? TitleFor(status), type: TypeFor(status));

    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, detail);

    public static IResult NotFoundAccount(string alias) =>
        Of(StatusCodes.Status404NotFound, $"No account is registered as '{Shorten(alias)}'. GET /api/v1/accounts lists the registered aliases.");

    public static string TitleFor(int status) => status switch
    {
        400 => "The request is malformed",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "The request body is too large",
        415 => "Unsupported media type",
        422 => "The request cannot be carried out",
        500 => "Internal error",
        502 => "AWS refused or could not be reached",
        _ => "Error",
    };

    /// <summary>The RFC 9110 section for the status, as ASP.NET Core's own problem details link it.</summary>
    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        _ => "about:blank",
    };

    /// <summary>Echoed input is cut short so that a 10 MB value does not come back in the error.</summary>
    public static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
