using System.Net;
using System.Net.Sockets;

namespace DogMonitor.Faults.Stack;

/// <summary>
/// A loopback TCP relay to a real server, for faults a process cannot cause by stopping the server:
/// <list type="bullet">
/// <item><see cref="CutAsync"/> drops every open connection and resets new ones until <see cref="Restore"/>, as a
/// server restart or a network outage does; the relay keeps its port throughout.</item>
/// <item><see cref="FaultRate"/> resets a connection in the middle of a call at random: each chunk of data it relays
/// is, with that probability, dropped and both sides reset, so a query or an upload fails half way.</item>
/// </list>
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopped = new();
    private bool _cut;
    private long _injected;

    private TcpRelay(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The chance that any one chunk relayed resets its connection (0 = a faithful relay).</summary>
    public double FaultRate { get; set; }

    /// <summary>How many connections <see cref="FaultRate"/> has reset so far.</summary>
    public long Injected => Interlocked.Read(ref _injected);

    public static TcpRelay Start(string host, int port) =>
        new(new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port));

    /// <summary>Drops every connection; new ones are reset until <see cref="Restore"/>.</summary>
    public Task CutAsync()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var client in _open) Reset(client);
            _open.Clear();
        }
        return Task.CompletedTask;
    }

    public void Restore()
    {
        lock (_lock) _cut = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await _listener.AcceptTcpClientAsync(_stopped.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = RelayPairAsync(inbound);
        }
    }

    private async Task RelayPairAsync(TcpClient inbound)
    {
        var outbound = new TcpClient { NoDelay = true };
        inbound.NoDelay = true;
        lock (_lock)
        {
            if (_cut) { Reset(inbound); outbound.Dispose(); return; }
            _open.AddRange([inbound, outbound]);
        }
        try
        {
            await outbound.ConnectAsync(_target, _stopped.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            Reset(inbound);
            outbound.Dispose();
            return;
        }
        lock (_lock)
        {
            // Cut while connecting: this pair must not outlive the cut.
            if (_cut || !_open.Contains(inbound)) { Reset(inbound); Reset(outbound); return; }
        }
        await Task.WhenAll(CopyAsync(inbound, outbound), CopyAsync(outbound, inbound));
        lock (_lock) { _open.Remove(inbound); _open.Remove(outbound); }
    }

    private async Task CopyAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                if (FaultRate > 0 && Random.Shared.NextDouble() < FaultRate)
                {
                    Interlocked.Increment(ref _injected);
                    return; // the chunk is lost and both sides are reset below
                }
                await target.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or SocketException) { }
        finally { Reset(from); Reset(to); }
    }

    /// <summary>Closes with a reset, as a server that went away does, rather than an orderly goodbye.</summary>
    private static void Reset(TcpClient client)
    {
        try { if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0); } // null once disposed
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Stop();
        await CutAsync();
        _stopped.Dispose();
    }
}
