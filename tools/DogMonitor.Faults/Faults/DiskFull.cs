using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults.Faults;

/// <summary>
/// The buffer's filesystem filled to the last byte by another program for <see cref="Held"/>: every byte freed is taken
/// at once. The camera's state must say the disk is full, and recording must resume by itself once there is room.
/// </summary>
public sealed class DiskFull(TimeSpan held) : Fault
{
    public TimeSpan Held { get; } = held;
    public override string Name => $"buffer disk full {Held.TotalSeconds:0} s";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var disk = context.Stack.BufferDisk;
        var filler = Path.Combine(disk.Path, "another-program");
        using var stop = new CancellationTokenSource();
        var filling = Task.Run(() => SmallDisk.KeepFullAsync(filler, stop.Token));
        context.Say($"  filling the buffer's {context.Stack.Options.BufferDiskMegabytes} MB filesystem");
        string? said = null;
        long free;
        try
        {
            var until = DateTime.UtcNow + Held;
            while (DateTime.UtcNow < until)
            {
                if (said is null && await CameraAsync(context) is { } camera && (string?)camera["last_error"] is { } error && !(bool)camera["online"]!
                    && error.Contains("disk", StringComparison.OrdinalIgnoreCase))
                    said = error;
                await Task.Delay(250);
            }
            free = disk.Free;
        }
        finally
        {
            await stop.CancelAsync(); // the disk is given back whatever happened
            await filling;
            File.Delete(filler);
        }
        var end = DateTime.UtcNow;
        context.Say("  room again");

        DateTime? resumed = null;
        var deadline = end.AddSeconds(90);
        while (resumed is null && DateTime.UtcNow < deadline)
        {
            if (await CameraAsync(context) is { } camera && (bool)camera["online"]! && camera["buffer_last"] is { } last && (DateTime)last > end.AddSeconds(2))
                resumed = DateTime.UtcNow;
            else await Task.Delay(250);
        }
        List<string> notes = [$"{free} bytes free while full; the camera said: {said ?? "nothing"}",
            resumed is { } at ? $"recording resumed {(at - end).TotalSeconds:0.0} s after room was made" : "recording did not resume within 90 s"];
        List<string> problems = [];
        if (said is null) problems.Add("the camera's state never said the disk was full");
        return new FaultOutcome(end, notes) { OwnRecoveryAt = resumed, OwnRecoveryFailed = resumed is null, Problems = problems };
    }

    private static async Task<JsonNode?> CameraAsync(FaultContext context)
    {
        try
        {
            var cameras = await context.Client.GetFromJsonAsync<JsonArray>("/api/cameras");
            return cameras?.FirstOrDefault(c => (string?)c!["id"] == ProductionStack.CameraId);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { return null; }
    }
}
