using DogMonitor.Domain.Activity;

namespace DogMonitor.Tests.Domain.Activity;

/// <summary>Loudness in dBFS and sound that goes on, on generated tones.</summary>
public sealed class SoundDetectorTests
{
    private static short[] Tone(double amplitude, int samples = 1600) =>
        [.. Enumerable.Range(0, samples).Select(i => (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * 440 * i / 16000.0)))];

    [Fact]
    public void AFullScaleSineIsAbout3dBBelowFullScale_AndSilenceIsTheFloor()
    {
        Assert.InRange(SoundDetector.Dbfs(Tone(1.0)), -3.1, -2.9);
        Assert.InRange(SoundDetector.Dbfs(Tone(0.1)), -23.1, -22.9);
        Assert.Equal(SoundDetector.Silence, SoundDetector.Dbfs(new short[1600]));
    }

    [Fact]
    public void BarkingThatGoesOnBecomesContinuous_AndAPauseStartsOver()
    {
        var detector = new SoundDetector(new SoundSettings { Threshold = -30, ContinuousAfter = TimeSpan.FromSeconds(1) });
        var window = TimeSpan.FromMilliseconds(100);

        Assert.False(detector.Next(Tone(0.01), window).Loud); // -43 dBFS: a quiet room
        var barks = Enumerable.Range(0, 10).Select(_ => detector.Next(Tone(0.5), window)).ToList();
        Assert.All(barks, b => Assert.True(b.Loud));
        Assert.Equal([false, false, false, false, false, false, false, false, false, true], barks.Select(b => b.Continuous));
        Assert.False(detector.Next(Tone(0.01), window).Loud);
        Assert.False(detector.Next(Tone(0.5), window).Continuous);
    }
}
