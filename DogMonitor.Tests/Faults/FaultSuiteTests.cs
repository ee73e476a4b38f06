using DogMonitor.Faults.Faults;
using DogMonitor.Faults.Report;

namespace DogMonitor.Tests.Faults;

/// <summary>
/// ./faults.sh at a count of one: each fault injected once into the production stack under load, and the promises
/// checked on the fault suite's own counts: nothing lost, nothing cut twice, no orphan after the sweep, no 5xx but 503,
/// every request answered while the web app was up, and recovery without a hand.
/// </summary>
[Collection(nameof(FaultSuiteTests))]
public sealed class FaultSuiteTests(FaultSuiteFixture fixture) : IClassFixture<FaultSuiteFixture>
{
    [Fact]
    public async Task AWorkerKilledMidCut_LosesNothingAndCutsNothingTwice()
    {
        var row = await KeptAsync(new WorkerKills(1));
        Assert.Contains(row.Notes, n => n.StartsWith("1 workers killed while ffmpeg was cutting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RabbitMqStoppedDuringABurst_EveryClipIsCutOnceItIsBack()
    {
        var row = await KeptAsync(new BrokerOutage(TimeSpan.FromSeconds(6), burst: 4));
        // The burst and the steady load's clips, none failed: every one was cut once the broker was back.
        Assert.True(row.ClipsReady >= 4 && row.Failed == 0, FaultTable.Render([row]));
    }

    [Fact]
    public async Task S3Stopped_SnapshotPostsAnswer503AndClipsUploadOnceItIsBack()
    {
        var row = await KeptAsync(ServiceOutage.Store(TimeSpan.FromSeconds(5)));
        Assert.True(row.Unavailable > 0, $"No request met the outage:\n{FaultTable.Render([row])}");
    }

    [Fact]
    public async Task PostgreSqlRestarted_RequestsAnswer503AndTheHostsRecoverByThemselves()
    {
        var row = await KeptAsync(ServiceOutage.Database(TimeSpan.FromSeconds(3)));
        Assert.True(row.Unavailable > 0, $"No request met the outage:\n{FaultTable.Render([row])}");
    }

    [Fact]
    public async Task TheWebProcessKilledWithClipsQueuedAndProcessing_AllOfThemFinish()
    {
        var row = await KeptAsync(new WebRestart(clips: 5));
        Assert.Contains(row.Notes, n => n.StartsWith("killed with", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBufferDiskFilled_TheCameraSaysSoAndRecordingResumes()
    {
        var row = await KeptAsync(new DiskFull(TimeSpan.FromSeconds(6)));
        Assert.Contains(row.Notes, n => n.StartsWith("recording resumed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateDeleteCyclesWithRandomStoreAndDatabaseFaults_LeaveNothingBehind()
    {
        var row = await KeptAsync(new CreateDeleteCycles(12, databaseFaultRate: 0.04, storeFaultRate: 0.08));
        Assert.Contains(row.Notes, n => n.StartsWith("12 of 12 cycles", StringComparison.Ordinal));
    }

    private async Task<FaultRow> KeptAsync(Fault fault)
    {
        var row = await fixture.Suite.RunAsync(fault);
        Assert.True(row.Requests > 0, "The load made no requests.");
        Assert.True(!row.Broken().Any(), $"Logs in {fixture.Suite.Stack.Directory}/logs.\n{FaultTable.Render([row])}");
        return row;
    }
}

/// <summary>The fault suite runs alone: its leases are short, and a machine busy with the other tests would let them lapse.</summary>
[CollectionDefinition(nameof(FaultSuiteTests), DisableParallelization = true)]
public sealed class FaultSuiteAlone;
