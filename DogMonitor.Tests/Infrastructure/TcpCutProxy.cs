using System.Net;
using System.Net.Sockets;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay to a real server that a test can cut, as a server restart or a network outage does: every open
/// connection is dropped and new ones are refused until it is restored.
/// </summary>
public sealed class TcpCutProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    private TcpCutProxy(IPEndPoint target, int port) => (_target, Port) = (target, port);

    public int Port { get; }

    public static TcpCutProxy Start(string host, int port)
    {
        var address = Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var proxy = new TcpCutProxy(new IPEndPoint(address, port), FreePort.Next());
        proxy.Restore();
        return proxy;
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        await _accepting.CancelAsync();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    /// <summary>Accepts connections again.</summary>
    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(cancellationToken); }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(_target, cancellationToken); }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException) { inbound.Dispose(); outbound.Dispose(); continue; }
            lock (_lock) _open.AddRange([inbound, outbound]);
            _ = RelayAsync(inbound, outbound);
            _ = RelayAsync(outbound, inbound);
        }
    }

    private static async Task RelayAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or SocketException) { }
        finally { from.Dispose(); to.Dispose(); }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
