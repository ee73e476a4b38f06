using DogMonitor.Domain.Recording;
using DogMonitor.Faults.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// The buffer's disk shared with other files, on a real 24 MB filesystem: recording keeps the disk's minimum free space
/// by dropping its oldest segments early; when other files take every byte, the camera's state says the disk is full;
/// when there is room again, recording resumes by itself.
/// </summary>
public sealed class FullDiskTests
{
    private const long MinFree = 4L * 1024 * 1024;

    [Fact]
    public async Task RecordingKeepsTheDiskFree_SaysWhenItIsFull_AndResumesWhenThereIsRoom()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        using var disk = await SmallDisk.MountAsync(24);
        var other = Path.Combine(disk.Path, "other-files");
        await FillAsync(other, disk.Free - MinFree - 256 * 1024); // other files leave 256 KB above the minimum
        using var host = RecorderHosts.Build(Path.Combine(disk.Path, "data"), new()
        {
            ["Recording:SegmentSeconds"] = "2",
            ["Recording:MinFreeBytes"] = $"{MinFree}",
            ["Cameras:0:Id"] = "door",
            ["Cameras:0:Source"] = "synthetic:640x360@25",
            // A shape always running across the scene: a still room would take many minutes to fill even 256 KB.
            ["Recording:SyntheticActivityEvery"] = "00:00:04",
        });
        host.Start();
        var buffer = host.Services.GetRequiredService<IRecordingBuffer>();
        var states = host.Services.GetRequiredService<ICameraStateReader>();
        Task<BufferSpan?> Span() => buffer.GetSpanAsync("door", TestContext.Current.CancellationToken);

        // The buffer grows into the 256 KB above the minimum, then its oldest segments go (30 minutes' retention would keep them).
        await Waiting.UntilAsync(async () => await Span() is { } span && span.Last - span.First >= TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), "recording to start");
        var first = (await Span())!.Value.First;
        await Waiting.UntilAsync(async () => await Span() is { } span && span.First > first, TimeSpan.FromSeconds(90), "the oldest segments to go for free space",
            () => Task.FromResult<string?>($"free: {disk.Free / 1024} KB"));
        Assert.True(disk.Free > MinFree / 2, $"Only {disk.Free / 1024} KB are free.");
        var state = await states.ReadAsync("door", TestContext.Current.CancellationToken);
        Assert.True(state!.Online);

        // Another program takes every byte, and each byte freed: the state says the disk is full.
        using var greedy = new CancellationTokenSource();
        var filling = Task.Run(() => SmallDisk.KeepFullAsync(other + "-greedy", greedy.Token));
        await Waiting.UntilAsync(async () => await states.ReadAsync("door", TestContext.Current.CancellationToken) is { Online: false, LastError: { } error }
                && error.StartsWith("The disk holding the recording", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the state to say the disk is full", async () => $"{await states.ReadAsync("door", TestContext.Current.CancellationToken)}");

        // Room again: recording resumes without anyone restarting it.
        await greedy.CancelAsync();
        await filling;
        File.Delete(other + "-greedy");
        File.Delete(other);
        var freedAt = DateTime.UtcNow;
        await Waiting.UntilAsync(async () => await Span() is { } span && span.Last > freedAt.AddSeconds(4), TimeSpan.FromSeconds(60), "recording to resume");
        Assert.True((await states.ReadAsync("door", TestContext.Current.CancellationToken))!.Online);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task FillAsync(string path, long bytes)
    {
        await using var file = File.Create(path);
        var block = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += block.Length) await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, bytes - written)));
    }
}
