using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DogMonitor.Web.Accounts;

/// <summary>The OpenAPI document names both ways to send a key, and requires one of them everywhere.</summary>
public sealed class ApiKeySchemes : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "API key",
            Description = "An API key from Settings → API keys (or POST /api/keys), as Authorization: Bearer <key>.",
        };
        document.Components.SecuritySchemes["api_key"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The same API key, as X-Api-Key: <key>.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("api_key", document)] = [] });
        return Task.CompletedTask;
    }
}
