using Crossgate.Web.Api;
using Crossgate.Web.Console;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crossgate.Web.Hosting;

/// <summary>Puts the platform's API (<c>/api/v1</c>) and console (<c>/console</c>) on a host: its own, or the AWS
/// endpoint's (anything else falls through to what the host serves after it).</summary>
public static class PlatformWeb
{
    public static void AddServices(IServiceCollection services, PlatformService platform)
    {
        services.AddSingleton(platform);
        services.AddRouting();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "Crossgate platform API",
                Version = "v1",
                Description = "Registers target accounts' roles, checks them against the permission profile and reports changes. " +
                              "Every request carries 'Authorization: Bearer <token>' (crossgate platform token create); every error is an RFC 9457 problem.",
            };
            return Task.CompletedTask;
        }));
    }

    public static void Map(WebApplication app)
    {
        var platform = app.Services.GetRequiredService<PlatformService>();
        var gate = new ApiGate(platform.Store, platform.Sessions, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ApiGate>());
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments(ApiGate.Prefix))
            {
                return gate.InvokeAsync(context, () => next(context));
            }

            if (path.StartsWithSegments(ConsoleEndpoints.Prefix))
            {
                ConsoleEndpoints.SecureHeaders(context.Response);
            }

            return next(context);
        });
        app.UseRouting();
        app.UseEndpoints(_ => { });
        app.Use((context, next) =>
        {
            // Nothing matched under the platform's prefixes: a 404 here (the gate makes it a problem), never the
            // host's own handler.
            var path = context.Request.Path;
            if (path.StartsWithSegments(ApiGate.Prefix) || path.StartsWithSegments(ConsoleEndpoints.Prefix))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });

        ApiEndpoints.Map(app);
        ConsoleEndpoints.Map(app);
        app.MapOpenApi("/api/{documentName}/openapi.json");
        platform.Scheduler?.Start();
    }
}
