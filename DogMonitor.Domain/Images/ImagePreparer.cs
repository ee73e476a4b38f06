using DogMonitor.Domain.Problems;
using SkiaSharp;

namespace DogMonitor.Domain.Images;

/// <summary>
/// Decodes uploaded image bytes (never trusting a declared type) and renders a thumbnail.
/// The header is read first, so an image over the pixel limit is refused before it is decoded.
/// </summary>
public static class ImagePreparer
{
    private const int ThumbnailQuality = 82;

    public static PreparedImage Prepare(string field, byte[] bytes, long maxPixels, int thumbnailMaxSide)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw Invalid(field, $"{field} does not hold a JPEG, PNG or WebP image.");

        var (contentType, extension) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => ("image/jpeg", "jpg"),
            SKEncodedImageFormat.Png => ("image/png", "png"),
            SKEncodedImageFormat.Webp => ("image/webp", "webp"),
            var other => throw Invalid(field, $"{field} holds a {other} image; only JPEG, PNG and WebP are accepted."),
        };
        int width = codec.Info.Width, height = codec.Info.Height;
        if (width <= 0 || height <= 0)
            throw Invalid(field, $"{field} holds an image without a size.");
        if ((long)width * height > maxPixels)
            throw new MediaRejectedException(MediaRejection.TooLarge, field,
                $"The image in {field} is {width}×{height} pixels; at most {maxPixels:N0} pixels are accepted.");

        using var decoded = Decode(field, codec, width, height, thumbnailMaxSide);
        var (thumbWidth, thumbHeight) = Fit(width, height, thumbnailMaxSide);
        var thumbnail = RenderJpeg(decoded, thumbWidth, thumbHeight);
        return new PreparedImage(contentType, extension, width, height, thumbnail, thumbWidth, thumbHeight);
    }

    /// <summary>Scales <paramref name="width"/>×<paramref name="height"/> so the longest side is at most <paramref name="maxSide"/>.</summary>
    public static (int Width, int Height) Fit(int width, int height, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static SKBitmap Decode(string field, SKCodec codec, int width, int height, int thumbnailMaxSide)
    {
        // JPEG decoders can scale while decoding; twice the thumbnail size keeps the downscale sharp.
        var scale = Math.Min(1f, 2f * thumbnailMaxSide / Math.Max(width, height));
        var size = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw Invalid(field, $"The image in {field} is truncated or corrupt ({result}).");
    }

    private static byte[] RenderJpeg(SKBitmap source, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no alpha: transparent PNG areas become white, not black.
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, ThumbnailQuality);
        return encoded.ToArray();
    }

    private static MediaRejectedException Invalid(string field, string message) =>
        new(MediaRejection.Invalid, field, message);
}
