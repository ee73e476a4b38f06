using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Snapshots;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Messaging;

/// <summary>Asks a worker (over the bus) for a frame of the buffer.</summary>
public sealed class BusFrameSource(IRequestClient<CaptureFrame> client, IOptions<MessagingOptions> options) : IFrameSource
{
    /// <summary>How long a worker has to answer once the request is sent.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);

    public async Task<byte[]> CaptureAsync(string cameraId, DateTime timestamp, CancellationToken cancellationToken)
    {
        // The answer's timeout starts once the request is sent; with the broker away the send itself would wait for it.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.Value.PublishTimeout + AnswerTimeout);
        try
        {
            var response = await client.GetResponse<FrameCaptured, FrameUnavailable>(new CaptureFrame(cameraId, timestamp), bounded.Token);
            if (response.Is(out Response<FrameCaptured>? captured)) return captured.Message.Jpeg;
            response.Is(out Response<FrameUnavailable>? unavailable);
            throw new RangeNotCoveredException(unavailable?.Message.Reason ?? "The worker could not take that frame.");
        }
        catch (Exception ex) when (ex is OperationCanceledException or RequestCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("message broker", "The message broker did not take the request for a frame from the recording buffer; is it running?", ex);
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
