using SkiaSharp;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Real encoded images made on the spot: a gradient with shapes, so codecs have something to do.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width = 1280, int height = 720) => Encode(width, height, SKEncodedImageFormat.Jpeg);
    public static byte[] Png(int width = 640, int height = 480) => Encode(width, height, SKEncodedImageFormat.Png);
    public static byte[] Webp(int width = 640, int height = 480) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A 1×1 GIF: a real image in a format DogMonitor does not accept.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>A PNG of random noise: it does not compress, so its size is about 3 bytes a pixel.</summary>
    public static byte[] NoisePng(int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var pixels = new byte[info.BytesSize];
        Random.Shared.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A small PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels: the shape of a
    /// decompression bomb, which must be refused from its header, before any decoding.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(16, 16);
        // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then the chunk's CRC.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(12, 4 + 13));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc);
        return png;
    }

    public static string DataUrl(byte[] bytes, string type = "image/jpeg") => $"data:{type};base64,{Convert.ToBase64String(bytes)}";

    public static (int Width, int Height, SKEncodedImageFormat Format) Inspect(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidOperationException("Not an image.");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat);
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        using (var gradient = new SKPaint())
        {
            gradient.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, gradient);
        }
        using (var dot = new SKPaint { Color = SKColors.SaddleBrown, IsAntialias = true })
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, dot);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
