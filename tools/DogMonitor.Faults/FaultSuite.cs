using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Faults.Faults;
using DogMonitor.Faults.Load;
using DogMonitor.Faults.Report;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults;

/// <summary>
/// The production stack under a steady load of clip requests and snapshot posts, into which faults are injected one at
/// a time; each gives a <see cref="FaultRow"/>. Used by ./faults.sh (with the counts) and by the test suite (one
/// of each).
/// </summary>
public sealed class FaultSuite : IAsyncDisposable
{
    private readonly ProductionStack _stack;
    private readonly FaultSuiteOptions _options;
    private readonly Action<string> _say;
    private readonly HttpClient _client;
    private readonly Inventory _inventory;
    private readonly Ledger _ledger = new();
    private readonly ApiLoad _load;

    private FaultSuite(ProductionStack stack, FaultSuiteOptions options, Action<string> say, byte[] jpeg)
    {
        (_stack, _options, _say) = (stack, options, say);
        _client = stack.CreateClient(TimeSpan.FromSeconds(30));
        _inventory = new Inventory(stack);
        _load = new ApiLoad(_client, _ledger, jpeg);
    }

    public ProductionStack Stack => _stack;

    public static async Task<FaultSuite> StartAsync(string directory, StackOptions stackOptions, FaultSuiteOptions options, Action<string> say)
    {
        var jpeg = await FrameAsync();
        var stack = await ProductionStack.StartAsync(directory, stackOptions, say);
        var suite = new FaultSuite(stack, options, say, jpeg);
        try
        {
            say("waiting for 12 s of recording");
            await suite.WaitForBufferAsync(TimeSpan.FromSeconds(12));
            return suite;
        }
        catch
        {
            await suite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one fault; when the suite itself fails, a row that says so (and is broken), so the others still run.</summary>
    public async Task<FaultRow> RunAsync(Fault fault)
    {
        try
        {
            return await InjectAndCountAsync(fault);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _say($"  the suite failed: {ex}");
            return FaultRow.NotCounted(fault.Name, ex);
        }
    }

    private async Task<FaultRow> InjectAndCountAsync(Fault fault)
    {
        _say($"{fault.Name}");
        var tally = new Tally(_stack, _inventory, _client);
        var s3LogFrom = tally.S3LogLines();
        using var stop = new CancellationTokenSource();
        var load = _load.RunSteadyAsync(fault.Name, _options.ClipEvery, _options.SnapshotEvery, stop.Token);
        FaultOutcome outcome;
        try
        {
            await Task.Delay(_options.LeadIn);
            outcome = await fault.InjectAsync(new FaultContext(_stack, _load, _inventory, _client, fault.Name, _say));
            await Task.Delay(_options.Tail);
        }
        finally
        {
            await stop.CancelAsync(); // a fault that failed must not leave the load running into the next one
            await load;
        }
        _say("  settling: waiting for every clip to be ready or failed, then the orphan sweep");
        return await tally.CountAsync(fault.Name, _ledger.Of(fault.Name), outcome, s3LogFrom, _options.SettleTimeout);
    }

    private async Task WaitForBufferAsync(TimeSpan span)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var camera = (await _client.GetFromJsonAsync<JsonArray>("/api/cameras"))![0]!;
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span) return;
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"The recorder did not record {span.TotalSeconds} s within 90 s. It said:\n{_stack.Recorder.Recent}");
    }

    /// <summary>A JPEG for the snapshot posts, made by ffmpeg as a camera frame would be.</summary>
    private static async Task<byte[]> FrameAsync()
    {
        var start = new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360", "-frames:v", "1", "-f", "mjpeg", "pipe:1"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg is needed (apt-get install ffmpeg)");
        using var image = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(image);
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? image.ToArray() : throw new InvalidOperationException("ffmpeg could not make a test frame: " + await process.StandardError.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _inventory.Dispose();
        await _stack.DisposeAsync();
    }
}
