using System.Text.Json;
using DogMonitor.Tests.Worker.Ffmpeg;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Each <see cref="StreamShape"/> is served by the RTSP test camera, and ffprobe sees the codecs it promises.</summary>
public sealed class StreamShapesTests
{
    public static TheoryData<string> Shapes => [.. StreamShape.All.Select(shape => shape.Name)];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task TheCameraSendsTheShapesCodecs(string name)
    {
        var shape = StreamShape.Named(name);
        await using var camera = await RtspTestServer.StartAsync(launch: shape.Launch);

        JsonElement probe;
        try
        {
            probe = JsonDocument.Parse(await FfmpegTool.RunAsync("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-timeout", "5000000",
                "-show_streams", "-of", "json", camera.Url())).RootElement;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message}\nThe server ({shape.Launch}) said:\n{camera.Output}", ex);
        }

        var codecs = probe.GetProperty("streams").EnumerateArray()
            .Select(stream => $"{stream.GetProperty("codec_type").GetString()}:{stream.GetProperty("codec_name").GetString()}")
            .ToList();
        string[] expected = shape.ExpectedAudioCodec is { } audio ? [$"video:{shape.ExpectedVideoCodec}", $"audio:{audio}"] : [$"video:{shape.ExpectedVideoCodec}"];
        Assert.Equal(expected, codecs);
    }
}
