using DogMonitor.Domain.Problems;
using DogMonitor.Web.Components.Gallery;

namespace DogMonitor.Web.Components.Shared;

/// <summary>What to tell a person whose action failed: the domain's own sentences for a refusal, or what could not be reached.</summary>
public static class ActionErrors
{
    /// <summary>Null for programming errors, which are not the person's to read.</summary>
    public static string? Describe(Exception ex) => ex is RequestValidationException refused ? refused.Summary : UserFacingErrors.Describe(ex);
}
