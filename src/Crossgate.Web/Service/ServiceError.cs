namespace Crossgate.Web.Service;

/// <summary>Why the service refused a request: the HTTP status it maps to, a short title and a detail a person can act
/// on. The API turns it into an RFC 9457 problem; the console shows the detail.</summary>
public sealed record ServiceError(int Status, string Title, string Detail)
{
    public static ServiceError Unprocessable(string detail) => new(422, "The request cannot be carried out", detail);

    public static ServiceError Conflict(string detail) => new(409, "Conflict", detail);

    public static ServiceError NotFound(string detail) => new(404, "Not found", detail);

    public static ServiceError Upstream(string detail) => new(502, "AWS refused or could not be reached", detail);
}
