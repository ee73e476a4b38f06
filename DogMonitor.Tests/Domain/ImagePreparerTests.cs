using DogMonitor.Domain.Images;
using DogMonitor.Domain.Problems;
using DogMonitor.Tests.Infrastructure;
using SkiaSharp;

namespace DogMonitor.Tests.Domain;

public class ImagePreparerTests
{
    [Theory]
    [InlineData(1920, 1080, 320, 180)]
    [InlineData(1080, 1920, 180, 320)]
    [InlineData(200, 100, 200, 100)]
    [InlineData(5000, 10, 320, 1)]
    public void Fit_KeepsTheAspectWithinTheLongestSide(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), ImagePreparer.Fit(width, height, 320));
    }

    [Fact]
    public void Prepare_ReadsTheRealFormatAndMakesAJpegThumbnail()
    {
        var prepared = ImagePreparer.Prepare("frame_data", TestImages.Png(1000, 500), 50_000_000, 320);

        Assert.Equal(("image/png", "png", 1000, 500), (prepared.ContentType, prepared.Extension, prepared.Width, prepared.Height));
        Assert.Equal((320, 160, SKEncodedImageFormat.Jpeg), TestImages.Inspect(prepared.Thumbnail));
    }

    [Fact]
    public void Prepare_RefusesAHeaderClaimingTooManyPixelsBeforeDecoding()
    {
        var rejected = Assert.Throws<MediaRejectedException>(() => ImagePreparer.Prepare("frame_data", TestImages.PngClaiming(30000, 30000), 50_000_000, 320));

        Assert.Equal(MediaRejection.TooLarge, rejected.Reason);
    }

    [Fact]
    public void Prepare_RefusesTruncatedAndForeignImages()
    {
        var jpeg = TestImages.Jpeg(400, 300);

        Assert.Equal(MediaRejection.Invalid, Assert.Throws<MediaRejectedException>(() => ImagePreparer.Prepare("f", jpeg[..(jpeg.Length / 2)], 1_000_000, 320)).Reason);
        Assert.Equal(MediaRejection.Invalid, Assert.Throws<MediaRejectedException>(() => ImagePreparer.Prepare("f", TestImages.Gif(), 1_000_000, 320)).Reason);
        Assert.Equal(MediaRejection.Invalid, Assert.Throws<MediaRejectedException>(() => ImagePreparer.Prepare("f", "not an image"u8.ToArray(), 1_000_000, 320)).Reason);
    }
}
