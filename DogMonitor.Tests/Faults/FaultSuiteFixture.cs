using DogMonitor.Faults;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Tests.Faults;

/// <summary>
/// The fault suite's production stack, private to these tests (its own PostgreSQL, RabbitMQ and S3 server, since the
/// faults stop them), with short leases and retry delays so that one of each fault fits the CI's time.
/// </summary>
public sealed class FaultSuiteFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", "faults-" + Guid.NewGuid().ToString("N")[..8]);

    public FaultSuite Suite { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        try
        {
            Suite = await FaultSuite.StartAsync(_directory,
                new StackOptions { Lease = TimeSpan.FromSeconds(6), Heartbeat = TimeSpan.FromSeconds(1), QueuedRepublishAfter = TimeSpan.FromSeconds(5), BufferDiskMegabytes = 64 },
                new FaultSuiteOptions { LeadIn = TimeSpan.FromSeconds(2), Tail = TimeSpan.FromSeconds(5), SettleTimeout = TimeSpan.FromMinutes(2) },
                _ => { });
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException("The fault suite starts its own PostgreSQL, RabbitMQ and S3 server (scripts/service.sh) and mounts a "
                + "tmpfs, which needs root and postgresql, rabbitmq-server, ffmpeg and node installed: ./test.sh installs them. " + ex.Message, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Suite is not null) await Suite.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
