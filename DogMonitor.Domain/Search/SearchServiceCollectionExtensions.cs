using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Domain.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Label suggestions; searching itself is part of every listing.</summary>
    public static IServiceCollection AddLabelSuggestions(this IServiceCollection services)
    {
        services.AddScoped<LabelService>();
        return services;
    }
}
