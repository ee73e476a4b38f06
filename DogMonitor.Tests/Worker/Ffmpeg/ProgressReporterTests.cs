using DogMonitor.Tests.Infrastructure;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class ProgressReporterTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ProgressRecorder _reports = new();

    [Fact]
    public void Updates_AreFractionsOfTheExpectedOutputAtMostFourASecond()
    {
        var reporter = new ProgressReporter(_reports, TimeSpan.FromSeconds(10), _clock);

        reporter.Start();
        At(0.1, reporter, 1);   // too soon after the start
        At(0.3, reporter, 2);
        At(0.4, reporter, 3);   // too soon
        At(0.6, reporter, 1.5); // backwards
        At(0.9, reporter, 4);
        At(1.2, reporter, 12);  // past the end: held below 1 until ffmpeg says it is done
        reporter.OnUpdate(new ProgressUpdate(null, IsEnd: true));

        Assert.Equal([0, 0.2, 0.4, 0.99, 1], _reports.Values);
    }

    [Fact]
    public void OutTimeBeforeTheFirstFrame_CountsAsNothingYet()
    {
        var reporter = new ProgressReporter(_reports, TimeSpan.FromSeconds(5), _clock);

        reporter.Start();
        At(1, reporter, -0.08);
        reporter.OnUpdate(new ProgressUpdate(null, IsEnd: false));

        Assert.Equal([0], _reports.Values);
    }

    [Fact]
    public void NoTarget_IsFine()
    {
        var reporter = new ProgressReporter(null, TimeSpan.FromSeconds(5), _clock);

        reporter.Start();
        reporter.OnUpdate(new ProgressUpdate(TimeSpan.FromSeconds(1), false));
        reporter.OnUpdate(new ProgressUpdate(null, true));
    }

    private void At(double secondsAfterStart, ProgressReporter reporter, double outSeconds)
    {
        _clock.Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(secondsAfterStart);
        reporter.OnUpdate(new ProgressUpdate(TimeSpan.FromSeconds(outSeconds), false));
    }
}
