using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;
using MassTransit;

namespace DogMonitor.Worker.Clips;

/// <summary>Answers the web app's request for the full-resolution frame at a moment of the buffer.</summary>
public sealed class CaptureFrameConsumer(IRecordingBuffer buffer, IClipCutter cutter) : IConsumer<CaptureFrame>
{
    // A little past the moment, so the hold includes the next segment when the moment is in a segment's last frame.
    private static readonly TimeSpan FrameSpan = TimeSpan.FromMilliseconds(100);

    public async Task Consume(ConsumeContext<CaptureFrame> context)
    {
        var request = context.Message;
        try
        {
            await using var held = await buffer.ReserveAsync(request.CameraId, Guid.NewGuid(), request.Timestamp, request.Timestamp + FrameSpan, context.CancellationToken);
            var jpeg = await cutter.GrabFrameAsync(held.Files, held.StartOffset, context.CancellationToken);
            await context.RespondAsync(new FrameCaptured(jpeg));
        }
        catch (RangeNotCoveredException ex)
        {
            await context.RespondAsync(new FrameUnavailable(ex.Message));
        }
        catch (FfmpegException ex)
        {
            await context.RespondAsync(new FrameUnavailable($"ffmpeg could not read that frame: {ex.Message}"));
        }
    }
}
