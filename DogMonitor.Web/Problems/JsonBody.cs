using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Problems;

/// <summary>
/// Reads a JSON request body with a size limit enforced while reading, turning every way a body
/// can be wrong into a 4xx with a sentence (minimal APIs' own binding answers these with an empty 400).
/// </summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context, long maxBytes, CancellationToken cancellationToken) where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
            throw new BodyRejectedException(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON with the header Content-Type: application/json.");
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxBytes + 1;

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            await using var body = new LimitedReadStream(request.Body, maxBytes);
            return await JsonSerializer.DeserializeAsync<T>(body, options, cancellationToken)
                ?? throw new BodyRejectedException(StatusCodes.Status400BadRequest, "The body must be a JSON object, not null.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new BodyRejectedException(StatusCodes.Status400BadRequest, $"The body is not valid JSON for this request{where}: {FirstSentence(ex.Message)}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
    }

    internal static BodyRejectedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the {maxBytes / (1024 * 1024.0):0.#} MB this endpoint accepts.");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
