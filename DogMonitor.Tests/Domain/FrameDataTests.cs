using DogMonitor.Domain.Images;
using DogMonitor.Domain.Problems;

namespace DogMonitor.Tests.Domain;

public class FrameDataTests
{
    private static readonly byte[] Bytes = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];

    [Theory]
    [InlineData("data:image/jpeg;base64,")]
    [InlineData("data:image/png;base64,")]
    [InlineData("data:image/webp;base64,")]
    [InlineData("DATA:IMAGE/JPEG;BASE64,")]
    [InlineData("data:image/jpeg;name=frame.jpg;base64,")]
    [InlineData("")]
    public void DataUrlsAndBareBase64Decode(string prefix)
    {
        Assert.Equal(Bytes, FrameData.Decode("frame_data", prefix + Convert.ToBase64String(Bytes), 1024));
    }

    [Theory]
    [InlineData("data:image/gif;base64,R0lGODlh")]
    [InlineData("data:text/plain;base64,aGVsbG8=")]
    [InlineData("data:image/jpeg,notbase64")]
    [InlineData("data:image/jpeg;base64,@@@@")]
    [InlineData("data:image/jpeg;base64,")]
    [InlineData("hello there")]
    public void AnythingElseIsInvalid(string value)
    {
        var rejected = Assert.Throws<MediaRejectedException>(() => FrameData.Decode("frame_data", value, 1024));
        Assert.Equal(MediaRejection.Invalid, rejected.Reason);
    }

    [Fact]
    public void OversizedPayloadsAreRefusedAsTooLarge()
    {
        var big = Convert.ToBase64String(new byte[2048]);

        var rejected = Assert.Throws<MediaRejectedException>(() => FrameData.Decode("frame_data", big, 1024));

        Assert.Equal(MediaRejection.TooLarge, rejected.Reason);
        Assert.Equal(1024, FrameData.Decode("frame_data", Convert.ToBase64String(new byte[1024]), 1024).Length);
    }
}
