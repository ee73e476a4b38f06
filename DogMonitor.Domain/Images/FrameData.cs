using System.Text.RegularExpressions;
using DogMonitor.Domain.Problems;

namespace DogMonitor.Domain.Images;

/// <summary>Turns the <c>frame_data</c> field (a data URL or bare base64) into bytes.</summary>
public static partial class FrameData
{
    [GeneratedRegex(@"^data:(?<type>[\w.+-]+/[\w.+-]+)(;[^,;]+)*;base64,", RegexOptions.IgnoreCase)]
    private static partial Regex DataUrlPrefix();

    private static readonly HashSet<string> AcceptedTypes =
        new(["image/jpeg", "image/jpg", "image/png", "image/webp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Decodes the base64 payload, refusing it before decoding when it would exceed <paramref name="maxBytes"/>.</summary>
    public static byte[] Decode(string field, string value, long maxBytes)
    {
        var payload = value.AsSpan();
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var match = DataUrlPrefix().Match(value);
            if (!match.Success)
                throw Invalid(field, $"{field} must be a base64 data URL such as data:image/jpeg;base64,/9j/4AAQ… or bare base64.");
            var type = match.Groups["type"].Value;
            if (!AcceptedTypes.Contains(type))
                throw Invalid(field, $"{field} is declared as {type}; only image/jpeg, image/png and image/webp are accepted.");
            payload = payload[match.Length..];
        }

        // Base64 carries 3 bytes in every 4 characters: refuse before allocating for an oversized image.
        long decodedLength = payload.Length / 4 * 3;
        if (decodedLength - 2 > maxBytes)
            throw new MediaRejectedException(MediaRejection.TooLarge, field,
                $"The image in {field} is about {decodedLength / (1024 * 1024.0):0.0} MB; at most {maxBytes / (1024 * 1024.0):0.0} MB is accepted.");

        var buffer = new byte[Math.Max(3, decodedLength + 3)];
        if (payload.Length == 0 || !Convert.TryFromBase64Chars(payload, buffer, out var written))
            throw Invalid(field, $"{field} is not valid base64.");
        if (written > maxBytes)
            throw new MediaRejectedException(MediaRejection.TooLarge, field,
                $"The image in {field} is {written} bytes; at most {maxBytes} bytes are accepted.");
        return buffer[..written];
    }

    private static MediaRejectedException Invalid(string field, string message) =>
        new(MediaRejection.Invalid, field, message);
}
