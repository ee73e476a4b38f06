using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Snapshots;
using MassTransit;

namespace DogMonitor.Worker.Messaging;

/// <summary>Asks a worker (over the bus) for a frame of the buffer.</summary>
public sealed class BusFrameSource(IRequestClient<CaptureFrame> client) : IFrameSource
{
    public async Task<byte[]> CaptureAsync(string cameraId, DateTime timestamp, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetResponse<FrameCaptured, FrameUnavailable>(new CaptureFrame(cameraId, timestamp), cancellationToken);
            if (response.Is(out Response<FrameCaptured>? captured)) return captured.Message.Jpeg;
            response.Is(out Response<FrameUnavailable>? unavailable);
            throw new RangeNotCoveredException(unavailable?.Message.Reason ?? "The worker could not take that frame.");
        }
        catch (RequestTimeoutException ex)
        {
            throw new DependencyUnavailableException("worker", "No worker answered the request for a frame from the recording buffer; is a worker running?", ex);
        }
        catch (RequestFaultException ex)
        {
            throw new DependencyUnavailableException("worker", "The worker could not take that frame from the recording buffer; its log says why.", ex);
        }
    }
}
