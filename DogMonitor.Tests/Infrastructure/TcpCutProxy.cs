using System.Net;
using System.Net.Sockets;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay to a real server that a test can cut, as a server restart or a network outage does: every open
/// connection is dropped and new ones are reset at once until it is restored. It keeps its port throughout.
/// </summary>
public sealed class TcpCutProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopped = new();
    private bool _cut;

    private TcpCutProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpCutProxy Start(string host, int port) =>
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

    private static async Task CopyAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
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
