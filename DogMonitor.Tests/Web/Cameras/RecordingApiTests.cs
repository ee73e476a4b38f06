using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Domain.Recording;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Cameras;

/// <summary>
/// A camera's recording as time, through the API on SQLite and on PostgreSQL: the timeline's spans with the hole where
/// the recorder was down, cut to the window asked for; a window as a finished playlist whose segments the segment route
/// serves; nothing recorded as a 404; bad, backwards and too long windows as 400s saying what to change.
/// </summary>
public abstract class RecordingApiTests(AppEnvironment environment)
{
    private const string Camera = "test-pattern";
    private static readonly DateTime T0 = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    // 10:00:00–10:00:06 in three segments, the recorder down for a minute, then 10:01:06–10:01:12 after a restart.
    private static readonly RecordedSegment[] Recorded =
    [
        new("seg-a-0.m4s", T0, TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-a-1.m4s", T0.AddSeconds(2), TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-a-2.m4s", T0.AddSeconds(4), TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-b-0.m4s", T0.AddSeconds(66), TimeSpan.FromSeconds(2), DiscontinuityBefore: true, InitFileName: "seg-b-init.mp4"),
        new("seg-b-1.m4s", T0.AddSeconds(68), TimeSpan.FromSeconds(2), InitFileName: "seg-b-init.mp4"),
        new("seg-b-2.m4s", T0.AddSeconds(70), TimeSpan.FromSeconds(2), InitFileName: "seg-b-init.mp4"),
    ];

    [Fact]
    public async Task TheTimelineHoldsTheSpansRecorded_BrokenWhereTheRecorderWasDown_AndCutToTheWindow()
    {
        using var buffer = new TempBuffer();
        var client = (await StartRecordedAsync("timeline-spans", buffer)).CreateClient();

        var timeline = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline?from={Iso(T0.AddSeconds(5))}&to={Iso(T0.AddSeconds(67))}");

        Assert.Equal(Camera, (string?)timeline["camera_id"]);
        Assert.Equal((T0.AddSeconds(5), T0.AddSeconds(67)), (Time(timeline["from"]), Time(timeline["to"])));
        Assert.Equal((T0, T0.AddSeconds(72)), (Time(timeline["buffer_first"]), Time(timeline["buffer_last"])));
        Assert.Equal([(T0.AddSeconds(5), T0.AddSeconds(6)), (T0.AddSeconds(66), T0.AddSeconds(67))], Spans(timeline));
        // A window inside the hole holds no span, though the buffer around it does.
        var hole = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline?from={Iso(T0.AddSeconds(10))}&to={Iso(T0.AddSeconds(60))}");
        Assert.Empty(Spans(hole));
        Assert.Equal(T0.AddSeconds(72), Time(hole["buffer_last"]));
    }

    [Fact]
    public async Task WithoutFromOrTo_TheTimelineIsTheLastHourRecorded_AndWithOneEndTheHourFromIt()
    {
        using var buffer = new TempBuffer();
        var client = (await StartRecordedAsync("timeline-defaults", buffer)).CreateClient();

        var latest = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline");
        Assert.Equal((T0.AddSeconds(72).AddHours(-1), T0.AddSeconds(72)), (Time(latest["from"]), Time(latest["to"])));
        Assert.Equal([(T0, T0.AddSeconds(6)), (T0.AddSeconds(66), T0.AddSeconds(72))], Spans(latest));

        var fromOnly = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline?from={Iso(T0.AddSeconds(3))}");
        Assert.Equal((T0.AddSeconds(3), T0.AddSeconds(3).AddHours(1)), (Time(fromOnly["from"]), Time(fromOnly["to"])));
        Assert.Equal([(T0.AddSeconds(3), T0.AddSeconds(6)), (T0.AddSeconds(66), T0.AddSeconds(72))], Spans(fromOnly));

        var toOnly = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline?to={Iso(T0.AddSeconds(4))}");
        Assert.Equal((T0.AddSeconds(4).AddHours(-1), T0.AddSeconds(4)), (Time(toOnly["from"]), Time(toOnly["to"])));
        Assert.Equal([(T0, T0.AddSeconds(4))], Spans(toOnly));

        // The longest window allowed is answered.
        var month = await GetJsonAsync(client, $"/api/cameras/{Camera}/timeline?from={Iso(T0.AddDays(-31))}&to={Iso(T0)}");
        Assert.Empty(Spans(month));
    }

    [Fact]
    public async Task AWindowIsAFinishedPlaylist_DatedAsTheBuffer_WithTheRestartMarked_WhoseSegmentsAreServed()
    {
        using var buffer = new TempBuffer();
        var app = await StartRecordedAsync("playlist", buffer);
        var client = app.CreateClient();
        var url = $"/api/cameras/{Camera}/recording.m3u8?from={Iso(T0.AddSeconds(3))}&to={Iso(T0.AddSeconds(69))}";

        var response = await client.GetAsync(url);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/vnd.apple.mpegurl", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD\n", text, StringComparison.Ordinal);
        Assert.EndsWith("#EXT-X-ENDLIST\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), line => line == "#EXT-X-DISCONTINUITY");
        var playlist = HlsPlaylist.ParseMedia(text);
        Assert.True(playlist.Ended);
        Assert.Equal(Recorded[1..5].Select(s => (s.FileName, s.Start, s.Duration)), playlist.Segments.Select(s => (s.FileName, s.Start, s.Duration)));
        Assert.Equal([false, false, true, false], playlist.Segments.Select(s => s.DiscontinuityBefore));
        Assert.Equal(
            ["#EXT-X-PROGRAM-DATE-TIME:2026-12-03T10:00:02.000Z", "#EXT-X-PROGRAM-DATE-TIME:2026-12-03T10:00:04.000Z",
             "#EXT-X-PROGRAM-DATE-TIME:2026-12-03T10:01:06.000Z", "#EXT-X-PROGRAM-DATE-TIME:2026-12-03T10:01:08.000Z"],
            text.Split('\n').Where(line => line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal)));

        // The URIs are relative to the playlist, as a player resolves them: the segments and each run's map are served.
        var files = playlist.Segments.Select(s => s.FileName).Concat(playlist.Segments.Select(s => s.InitFileName!)).Distinct().ToList();
        Assert.Equal(6, files.Count);
        foreach (var file in files)
        {
            var segment = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, url), file));
            Assert.True(segment.StatusCode == HttpStatusCode.OK, $"{file}: {(int)segment.StatusCode}");
            Assert.Equal($"video of {file}", await segment.Content.ReadAsStringAsync());
        }

        // A window that starts at the restart plays from there: no break before its first segment.
        var afterRestart = await client.GetStringAsync($"/api/cameras/{Camera}/recording.m3u8?from={Iso(T0.AddSeconds(66))}&to={Iso(T0.AddSeconds(70))}");
        Assert.Equal(["seg-b-0.m4s", "seg-b-1.m4s"], HlsPlaylist.Parse(afterRestart).Select(s => s.FileName));
        Assert.DoesNotContain("#EXT-X-DISCONTINUITY\n", afterRestart, StringComparison.Ordinal);
        // Six hours, the most a playlist covers, is answered; without from or to, the last hour recorded.
        Assert.Equal(6, HlsPlaylist.Parse(await client.GetStringAsync($"/api/cameras/{Camera}/recording.m3u8?from={Iso(T0.AddHours(-5))}&to={Iso(T0.AddHours(1))}")).Count);
        Assert.Equal(6, HlsPlaylist.Parse(await client.GetStringAsync($"/api/cameras/{Camera}/recording.m3u8")).Count);
    }

    [Fact]
    public async Task APlaylistOfAWindowWithNothingRecordedIsA404ProblemPointingToTheTimeline()
    {
        using var buffer = new TempBuffer();
        var client = (await StartRecordedAsync("playlist-hole", buffer)).CreateClient();

        var hole = await (await client.GetAsync($"/api/cameras/{Camera}/recording.m3u8?from={Iso(T0.AddSeconds(10))}&to={Iso(T0.AddSeconds(60))}")).AssertProblemAsync(404);
        var empty = await (await environment.App.CreateClient().GetAsync($"/api/cameras/{Camera}/recording.m3u8")).AssertProblemAsync(404);

        Assert.Equal("Nothing recorded then.", (string?)hole["title"]);
        var detail = (string)hole["detail"]!;
        Assert.StartsWith($"Camera '{Camera}' recorded nothing from 2026-12-03T10:00:10.000Z", detail, StringComparison.Ordinal);
        Assert.Contains("2026-12-03T10:01:00.000Z", detail, StringComparison.Ordinal);
        Assert.EndsWith($"GET /api/cameras/{Camera}/timeline shows what its buffer holds.", detail, StringComparison.Ordinal);
        // A buffer that holds nothing at all: the same answer, for the last hour.
        Assert.Equal("Nothing recorded then.", (string?)empty["title"]);
        Assert.Contains("recorded nothing from", (string?)empty["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimelineOfABufferThatHoldsNothingIsTheLastHourWithNoSpans()
    {
        var before = DateTime.UtcNow;

        var timeline = await GetJsonAsync(environment.App.CreateClient(), $"/api/cameras/{Camera}/timeline");

        Assert.Null(timeline["buffer_first"]);
        Assert.Null(timeline["buffer_last"]);
        Assert.Empty(Spans(timeline));
        Assert.Equal(TimeSpan.FromHours(1), Time(timeline["to"]) - Time(timeline["from"]));
        Assert.InRange(Time(timeline["to"]), before, DateTime.UtcNow);
    }

    public static TheoryData<string, string, string, string> BadWindows => new()
    {
        { "timeline", "from=yesterday", "from", "from must be an ISO 8601 time such as 2024-10-24T10:30:00Z." },
        { "timeline", "to=soon", "to", "to must be an ISO 8601 time such as 2024-10-24T10:30:00Z." },
        { "timeline", "from=2026-12-03T11:00:00Z&to=2026-12-03T10:00:00Z", "from", "from must be earlier than to." },
        { "timeline", "from=2026-12-03T10:00:00Z&to=2026-12-03T10:00:00Z", "from", "from must be earlier than to." },
        { "timeline", "from=2026-11-01T09:59:59Z&to=2026-12-02T10:00:00Z", "to", "A window of the recording is at most 31 days long; ask for a shorter one." },
        { "recording.m3u8", "from=yesterday", "from", "from must be an ISO 8601 time such as 2024-10-24T10:30:00Z." },
        { "recording.m3u8", "to=soon", "to", "to must be an ISO 8601 time such as 2024-10-24T10:30:00Z." },
        { "recording.m3u8", "from=2026-12-03T11:00:00Z&to=2026-12-03T10:00:00Z", "from", "from must be earlier than to." },
        { "recording.m3u8", "from=2026-12-03T10:00:00Z&to=2026-12-03T16:00:01Z", "to", "A window of the recording is at most 6 hours long; ask for a shorter one." },
    };

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task ABadWindowIsA400ProblemThatSaysWhatToChange(string endpoint, string query, string field, string sentence)
    {
        var response = await environment.App.CreateClient().GetAsync($"/api/cameras/{Camera}/{endpoint}?{query}");

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal(sentence, (string?)problem["detail"]);
        Assert.Equal([sentence], problem["errors"]![field]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task BothEndsUnreadableAreNamedTogether()
    {
        var response = await environment.App.CreateClient().GetAsync($"/api/cameras/{Camera}/recording.m3u8?from=noon&to=later");

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal("from must be an ISO 8601 time such as 2024-10-24T10:30:00Z. to must be an ISO 8601 time such as 2024-10-24T10:30:00Z.", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("recording.m3u8")]
    public async Task AnUnknownCameraIsA404Problem(string endpoint)
    {
        var response = await environment.App.CreateClient().GetAsync($"/api/cameras/garage/{endpoint}?from=yesterday");

        var problem = await response.AssertProblemAsync(404);
        Assert.Equal("There is no camera 'garage'; GET /api/cameras lists them.", (string?)problem["detail"]);
    }

    /// <summary>An app that records nothing itself, reading the buffer <paramref name="buffer"/> holds: <see cref="Recorded"/>, files included.</summary>
    private async Task<DogMonitorApp> StartRecordedAsync(string variant, TempBuffer buffer)
    {
        buffer.Write(Camera, Recorded);
        foreach (var init in Recorded.Select(s => s.InitFileName!).Distinct())
            await File.WriteAllTextAsync(buffer.Layout.Segment(Camera, init), $"video of {init}");
        return await environment.StartAppAsync(variant, settings => settings["Recording:BufferDirectory"] = buffer.Layout.Root);
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static List<(DateTime, DateTime)> Spans(JsonObject timeline) =>
        [.. timeline["spans"]!.AsArray().Select(s => (Time(s!["start"]), Time(s["end"])))];

    private static DateTime Time(JsonNode? node) => ((DateTime)node!).ToUniversalTime();

    private static string Iso(DateTime time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class RecordingApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : RecordingApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class RecordingApiOnPostgresAndS3(ProductionEnvironment environment)
    : RecordingApiTests(environment), IClassFixture<ProductionEnvironment>;
