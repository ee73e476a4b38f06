using DogMonitor.Domain.Activity;

namespace DogMonitor.Tests.Domain.Activity;

/// <summary>The motion detector on drawn frames: a still room, a dog-sized shape moving, a lamp switched on, an ignored zone.</summary>
public sealed class MotionDetectorTests
{
    private const int Width = 160, Height = 90;

    private static byte[] Room(byte light = 80)
    {
        var frame = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                frame[y * Width + x] = (byte)(light + (x + y) % 7); // a little texture, the same every frame
        return frame;
    }

    /// <summary>The room with a bright 12x8 block (about 0.7 % of the picture) at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    private static byte[] RoomWithDog(int left, int top)
    {
        var frame = Room();
        for (var y = top; y < top + 8; y++)
            for (var x = left; x < left + 12; x++)
                frame[y * Width + x] = 220;
        return frame;
    }

    [Fact]
    public void AStillRoomIsNoMotion_AndADogCrossingItIs()
    {
        var detector = new MotionDetector(Width, Height, new MotionSettings());
        for (var i = 0; i < 5; i++) Assert.False(detector.Next(Room()).Motion);

        var seen = Enumerable.Range(0, 6).Select(i => detector.Next(RoomWithDog(10 + i * 20, 40))).ToList();

        Assert.All(seen, frame => Assert.True(frame.Motion));
        Assert.All(seen, frame => Assert.InRange(frame.ChangedShare, 0.005, 0.02));
    }

    [Fact]
    public void NoiseBelowThePixelThresholdIsNotMotion()
    {
        var detector = new MotionDetector(Width, Height, new MotionSettings { PixelThreshold = 30 });
        detector.Next(Room());

        Assert.False(detector.Next(Room(light: 100)).Motion); // every pixel 20 brighter: below the threshold
    }

    [Fact]
    public void ALampSwitchedOnRecalibrates_ThenTheLitRoomIsStill()
    {
        var detector = new MotionDetector(Width, Height, new MotionSettings());
        detector.Next(Room(light: 20));

        var switchedOn = detector.Next(Room(light: 160));

        Assert.Equal((false, true), (switchedOn.Motion, switchedOn.Recalibrated));
        Assert.False(detector.Next(Room(light: 160)).Motion);
        Assert.True(detector.Next(Brighten(RoomWithDog(70, 40))).Motion); // the dog in the lit room
    }

    /// <summary>The same scene 80 brighter, the dog at full white.</summary>
    /// <summary>The same scene 80 brighter, the dog at full white.</summary>
    private static byte[] Brighten(byte[] frame) => [.. frame.Select(p => p == 220 ? (byte)255 : (byte)(p + 80))];

    [Fact]
    public void MotionInAnIgnoredZoneDoesNotCount()
    {
        // The right quarter (a window onto the street) is ignored.
        var mask = ZoneMask.Of(Width, Height, [[(0.75, 0.0), (1.0, 0.0), (1.0, 1.0), (0.75, 1.0)]]);
        var detector = new MotionDetector(Width, Height, new MotionSettings(), mask);
        detector.Next(Room());

        Assert.False(detector.Next(RoomWithDog(130, 40)).Motion);
        Assert.True(detector.Next(RoomWithDog(20, 40)).Motion);
        Assert.Equal(Width * Height * 3 / 4, mask.Watched);
    }

    [Fact]
    public void AFrameOfAnotherSizeIsRefusedInWords()
    {
        var detector = new MotionDetector(Width, Height, new MotionSettings());

        var error = Assert.Throws<ArgumentException>(() => detector.Next(new byte[10]));
        Assert.Contains("160x90", error.Message, StringComparison.Ordinal);
    }
}
