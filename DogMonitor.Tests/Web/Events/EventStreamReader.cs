using System.Net;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Web.Events;

/// <summary>
/// A client of <c>text/event-stream</c>, parsing as a browser's EventSource does (fields, comments, blank-line ends an
/// event). Every read has a deadline, so a stream that stays silent fails the test with what it did send.
/// </summary>
public sealed class EventStreamReader : IEventSource, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<string> _seen = [];

    private EventStreamReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    /// <summary>The comments read so far (<c>: keep-alive</c> and the like).</summary>
    public List<string> Comments { get; } = [];

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
    }

    public Task<ServerSentEvent?> NextAsync() => NextAsync(Patience);

    /// <summary>The next event, or null when the server ended the stream; fails after <paramref name="patience"/>.</summary>
    public async Task<ServerSentEvent?> NextAsync(TimeSpan patience)
    {
        using var deadline = new CancellationTokenSource(patience);
        string? id = null, type = null, data = null;
        while (true)
        {
            string? line;
            try { line = await _reader.ReadLineAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"No event within {patience.TotalSeconds} s; the stream sent:\n{string.Join('\n', _seen)}"); }
            if (line is null) return null;
            _seen.Add(line);
            if (line.Length == 0)
            {
                if (data is not null) return new ServerSentEvent(id, type ?? "message", JsonNode.Parse(data)!.AsObject());
                continue; // a block of comments or of retry: only
            }
            if (line.StartsWith(':')) { Comments.Add(line); continue; }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    /// <summary>Reads until a comment line arrives (a heartbeat on an idle stream) and returns it.</summary>
    public async Task<string> NextCommentAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new Xunit.Sdk.XunitException($"The stream ended without a comment; it sent:\n{string.Join('\n', _seen)}");
            _seen.Add(line);
            if (line.StartsWith(':')) return line;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
