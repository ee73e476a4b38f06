using System.Text.Json;
using System.Text.Json.Serialization;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Search;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Storage;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Health;
using DogMonitor.Web.Media;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace DogMonitor.Web.Extensions;

public static class HostingExtensions
{
    /// <summary>Metadata, media store and the snapshot service: what every page and endpoint stands on.</summary>
    public static WebApplicationBuilder AddDogMonitorCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddDogMonitorDatabase();
        builder.Services.AddMediaStore();
        builder.Services.AddSnapshots();
        builder.Services.AddLabelSuggestions();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MediaLinks>();
        builder.Services.AddDogMonitorHealthChecks();
        return builder;
    }

    /// <summary>JSON in snake_case, problem details for every error, the OpenAPI document.</summary>
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = DefaultProblemDetails.Fill);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DogMonitor API";
            document.Info.Description = "Snapshots and clips from your dog camera. JSON in snake_case; errors are application/problem+json. "
                + "Every operation needs an API key (Authorization: Bearer <key>, or X-Api-Key: <key>) or a session from POST /api/auth/login; "
                + "share links (/s/{token}) are public.";
            return Task.CompletedTask;
        }).AddDocumentTransformer<ApiKeySchemes>());
        return builder;
    }

    public static WebApplicationBuilder AddUserInterface(this WebApplicationBuilder builder)
    {
        // Outside Development a build output (./run.sh) would not find the assets of packages such as
        // MudBlazor; this reads their manifest when there is one and does nothing in a published app.
        builder.WebHost.UseStaticWebAssets();
        // Keys for antiforgery and circuit tokens outlive a restart (and are shared by web replicas on one volume).
        var dataDirectory = DataDirectory.From(builder.Configuration[DataDirectory.ConfigurationKey]);
        builder.Services.AddDataProtection()
            .SetApplicationName("DogMonitor")
            .PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.Combine("secrets", "data-protection")));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Components.Shared.BrowserTime>();
        builder.Services.AddScoped<Components.Shared.DatabaseTurns>();
        builder.Services.AddScoped<Components.Gallery.GalleryItems>();
        return builder;
    }

    /// <summary>Every failure becomes application/problem+json, including empty 4xx answers from routing.</summary>
    public static WebApplication UseHttpApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary><c>/openapi/v1.json</c> and a browsable reference at <c>/api/docs</c>.</summary>
    public static WebApplication MapOpenApiDocuments(this WebApplication app)
    {
        app.MapOpenApi();
        // A self-hosted app talks to nothing outside: no fonts, telemetry, AI agent or request proxy from the vendor.
        app.MapScalarApiReference("/api/docs", options =>
        {
            options.WithTitle("DogMonitor API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableTelemetry();
            options.ProxyUrl = null;
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        });
        return app;
    }
}
