using System.Globalization;
using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Templates;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crossgate.Web.Api;

/// <summary>The routes of <c>/api/v1</c>, with the statuses each can answer (for the OpenAPI document).</summary>
public static class ApiEndpoints
{
    private const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(ApiGate.Prefix).ProducesProblem(401).ProducesProblem(500);

        api.MapGet("/accounts", ListAccounts).Produces<AccountList>();
        api.MapPost("/accounts", AddAccount).Accepts<AddAccountRequest>("application/json")
            .Produces<AccountView>(201).Produces<AccountView>(202).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413)
            .ProducesProblem(415).ProducesProblem(422);
        api.MapGet("/accounts/{alias}", GetAccount).Produces<AccountView>().ProducesProblem(404);
        api.MapDelete("/accounts/{alias}", RemoveAccount).Produces(204).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/accounts/{alias}/checks", CheckAccount).Produces<CheckView>(201).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/accounts/{alias}/checks", ListChecks).Produces<CheckList>().ProducesProblem(400).ProducesProblem(404);
        api.MapPost("/discover", Discover).Accepts<DiscoverRequest>("application/json").Produces<DiscoveryResults>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(502);
        api.MapGet("/permissions", GetPermissions).Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapPut("/permissions", PutPermissions).Accepts<System.Text.Json.JsonElement>("application/json").Produces(200, contentType: "application/json")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        api.MapGet("/templates/role", RoleTemplate).Produces(200, contentType: "application/yaml").Produces(200, contentType: "application/json")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        api.MapGet("/events", ListEvents).Produces<EventList>().ProducesProblem(400);
        api.MapGet("/platform", Describe).Produces<PlatformView>();
        GraphEndpoints.Map(api);
    }

    private static async Task<IResult> ListAccounts(HttpContext context, PlatformService platform)
    {
        var (body, version) = await platform.AccountList.GetAsync(context.RequestAborted);
        var headers = context.Response.Headers;
        headers.ETag = version;
        headers.CacheControl = "no-cache";
        return context.Request.Headers.IfNoneMatch == version
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    private static async Task<IResult> AddAccount(HttpContext context, PlatformService platform)
    {
        var (request, problem) = await JsonBody.ReadAsync(context, WebJsonContext.Default.AddAccountRequest);
        if (request is null)
        {
            return problem!;
        }

        var (added, error) = await platform.Onboarding.AddAsync(request.Alias, request.RoleArn, request.ExternalId, request.RunAccountCheck, context.RequestAborted);
        if (added is null)
        {
            return Problems.From(error!);
        }

        var view = ApiViews.Account(added.Account, added.Check);
        var location = $"{ApiGate.Prefix}/accounts/{Uri.EscapeDataString(added.Account.Alias)}";
        return added.CheckPending
            ? TypedResults.Json(view, WebJsonContext.Default.AccountView, statusCode: StatusCodes.Status202Accepted)
            : new Created(location, TypedResults.Json(view, WebJsonContext.Default.AccountView, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> GetAccount(string alias, HttpContext context, PlatformService platform)
    {
        var account = await platform.Registry.GetAsync(alias, context.RequestAborted);
        if (account is null)
        {
            return Problems.NotFoundAccount(alias);
        }

        var last = await platform.Store.ListChecksAsync(account.Alias, 1, context.RequestAborted);
        return TypedResults.Json(ApiViews.Account(account, last.Count == 0 ? null : last[0]), WebJsonContext.Default.AccountView);
    }

    private static async Task<IResult> RemoveAccount(string alias, HttpContext context, PlatformService platform)
    {
        var account = await platform.Registry.GetAsync(alias, context.RequestAborted);
        if (account is null || !await platform.Registry.RemoveAsync(account.Alias, context.RequestAborted))
        {
            return Problems.NotFoundAccount(alias);
        }

        await platform.Store.RemoveAccountHistoryAsync(account.Alias, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CheckAccount(string alias, HttpContext context, PlatformService platform)
    {
        var account = await platform.Registry.GetAsync(alias, context.RequestAborted);
        if (account is null)
        {
            return Problems.NotFoundAccount(alias);
        }

        var check = await platform.Background.Run(token => platform.Checks.CheckAsync(account, token));
        return new Created($"{ApiGate.Prefix}/accounts/{Uri.EscapeDataString(account.Alias)}/checks",
            TypedResults.Json(ApiViews.Check(check), WebJsonContext.Default.CheckView, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> ListChecks(string alias, HttpContext context, PlatformService platform)
    {
        if (Limit(context, 20) is not { } limit)
        {
            return LimitProblem();
        }

        var account = await platform.Registry.GetAsync(alias, context.RequestAborted);
        if (account is null)
        {
            return Problems.NotFoundAccount(alias);
        }

        var checks = await platform.Store.ListChecksAsync(account.Alias, limit, context.RequestAborted);
        return TypedResults.Json(new CheckList([.. checks.Select(ApiViews.Check)]), WebJsonContext.Default.CheckList);
    }

    private static async Task<IResult> Discover(HttpContext context, PlatformService platform)
    {
        var (request, problem) = await JsonBody.ReadAsync(context, WebJsonContext.Default.DiscoverRequest);
        if (request is null)
        {
            return problem!;
        }

        var (rows, error) = await platform.Discovery.DiscoverAsync(request.RoleName, request.OuIds is { } ous ? ous : [], request.ExternalId, context.RequestAborted);
        return rows is null
            ? Problems.From(error!)
            : TypedResults.Json(new DiscoveryResults([.. rows.Select(r => new DiscoveryRow(r.AccountId, r.AccountName, r.Alias, r.Added, r.Reason))]),
                WebJsonContext.Default.DiscoveryResults);
    }

    private static async Task<IResult> GetPermissions(HttpContext context, PlatformService platform)
    {
        var document = await platform.Store.GetPermissionsAsync(context.RequestAborted);
        return document is null
            ? Problems.Of(404, "No permission profile is stored yet. PUT an IAM policy document (one statement per permission group, named by Sid) to /api/v1/permissions.")
            : TypedResults.Text(document, "application/json");
    }

    private static async Task<IResult> PutPermissions(HttpContext context, PlatformService platform)
    {
        var (document, problem) = await JsonBody.ReadDocumentAsync(context);
        if (document is null)
        {
            return problem!;
        }

        var (profile, error) = PermissionProfile.Parse(document);
        if (profile is null)
        {
            return Problems.Of(422, $"The permission profile is not a valid IAM identity policy: {error}");
        }

        if (profile.Groups.IsEmpty)
        {
            return Problems.Of(422, "The permission profile has no Allow statement, so it names no permission group to check.");
        }

        await platform.Store.SetPermissionsAsync(document, context.RequestAborted);
        return TypedResults.Text(document, "application/json");
    }

    private static async Task<IResult> RoleTemplate(HttpContext context, PlatformService platform)
    {
        var query = context.Request.Query;
        var format = query["format"].ToString();
        if (format is not ("" or "yaml" or "json"))
        {
            return Problems.BadRequest($"format must be yaml or json, not '{Problems.Shorten(format)}'.");
        }

        var document = await platform.Store.GetPermissionsAsync(context.RequestAborted);
        if (document is null)
        {
            return Problems.Of(409, "No permission profile is stored yet, so the template would grant nothing. PUT one to /api/v1/permissions first.");
        }

        var identity = await platform.Connection.IdentityArnAsync(context.RequestAborted);
        if (identity is null || TrustedAccountOf(identity) is not { } trusted)
        {
            return Problems.Of(502, $"The platform could not learn its own identity from STS at {platform.Connection.EndpointDescription}, which the template's trust policy names.");
        }

        var roleName = query["roleName"].ToString();
        var externalId = query["externalId"].ToString();
        var built = RoleTemplateBuilder.Build(new RoleTemplateRequest
        {
            TrustedAccountId = trusted.AccountId,
            TrustedRoleArn = trusted.RoleArn,
            RoleName = roleName.Length == 0 ? RoleTemplateRequest.DefaultRoleName : roleName,
            ExternalId = externalId.Length == 0 ? null : externalId,
            InlinePolicies = [new InlinePolicySource("PlatformPermissionGroups", document)],
        });
        if (!built.Success)
        {
            return Problems.Of(422, $"The template cannot be made: {built.Error.Message}");
        }

        var json = format == "json";
        return TypedResults.Text(TemplateText.Render(built.Template, json ? TemplateFormat.Json : TemplateFormat.Yaml), json ? "application/json" : "application/yaml");
    }

    private static async Task<IResult> ListEvents(HttpContext context, PlatformService platform)
    {
        if (Limit(context, 100) is not { } limit)
        {
            return LimitProblem();
        }

        var events = await platform.Store.ListEventsAsync(limit, context.RequestAborted);
        return TypedResults.Json(new EventList([.. events.Select(ApiViews.Event)]), WebJsonContext.Default.EventList);
    }

    private static async Task<IResult> Describe(HttpContext context, PlatformService platform)
    {
        var caller = ApiCaller.Of(context);
        var scheduler = platform.Scheduler;
        return TypedResults.Json(new PlatformView(
            await platform.Connection.IdentityArnAsync(context.RequestAborted),
            platform.Connection.EndpointDescription,
            scheduler is null ? null : Durations.Format(scheduler.Interval),
            scheduler?.NextRound,
            caller.Name,
            caller.ReadOnly,
            await platform.Store.GetPermissionsAsync(context.RequestAborted) is not null), WebJsonContext.Default.PlatformView);
    }

    /// <summary>The account (and role, when the platform is a role session) that target roles must trust.</summary>
    private static (string AccountId, string? RoleArn)? TrustedAccountOf(string identityArn)
    {
        var parts = identityArn.Split(':', 6);
        if (parts.Length < 6 || parts[4].Length != 12)
        {
            return null;
        }

        var resource = parts[5];
        if (resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return (parts[4], $"arn:{parts[1]}:iam::{parts[4]}:role/{resource.Split('/')[1]}");
        }

        return (parts[4], null);
    }

    private static int? Limit(HttpContext context, int fallback)
    {
        var text = context.Request.Query["limit"].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit ? limit : null;
    }

    private static IResult LimitProblem() => Problems.BadRequest($"limit must be a whole number from 1 to {MaxLimit}.");

    /// <summary>A result with a Location header.</summary>
    private sealed class Created(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
