using System.Text;
using System.Text.Json;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web;

/// <summary>Every kind of bad input is a clear 4xx problem and stores nothing; never a 500.</summary>
public abstract class BadInputTests(AppEnvironment environment)
{
    private static readonly byte[] Jpeg = TestImages.Jpeg(320, 240);

    private static readonly Dictionary<string, (Func<HttpContent> Body, int Status)> Cases = new()
    {
        ["malformed JSON"] = (() => Json("{\"timestamp\": \"2024-10-24T10:30:00Z\", \"labels\": ["), 400),
        ["JSON null"] = (() => Json("null"), 400),
        ["JSON array"] = (() => Json("[1, 2]"), 400),
        ["labels not an array"] = (() => Body(b => b.With("labels", "sitting")), 400),
        ["not JSON content type"] = (() => new StringContent("timestamp=now", Encoding.UTF8, "text/plain"), 415),
        ["missing timestamp"] = (() => Body(b => b.With("timestamp", null)), 400),
        ["unparsable timestamp"] = (() => Body(b => b.With("timestamp", "yesterday at noon")), 400),
        ["timestamp far in the future"] = (() => Body(b => b.With("timestamp", "2999-01-01T00:00:00Z")), 400),
        // No image means "take the frame from the recording buffer", which holds nothing here.
        ["missing frame_data and nothing recorded"] = (() => Body(b => b.With("frame_data", null)), 422),
        ["frame_data not base64"] = (() => Body(b => b.With("frame_data", "data:image/jpeg;base64,!!!not base64!!!")), 400),
        ["frame_data bare text"] = (() => Body(b => b.With("frame_data", "hello, dog")), 400),
        ["frame_data not an image data URL"] = (() => Body(b => b.With("frame_data", "data:text/plain;base64,aGVsbG8=")), 400),
        ["bytes that are not an image"] = (() => Body(b => b.With("frame_data", TestImages.DataUrl(Encoding.UTF8.GetBytes("just some text, not a picture")))), 400),
        ["a GIF declared as JPEG"] = (() => Body(b => b.With("frame_data", TestImages.DataUrl(TestImages.Gif()))), 400),
        ["a truncated JPEG"] = (() => Body(b => b.With("frame_data", TestImages.DataUrl(Jpeg[..(Jpeg.Length / 2)]))), 400),
        ["image over the pixel limit"] = (() => Body(b => b.With("frame_data", TestImages.DataUrl(TestImages.PngClaiming(9000, 6000), "image/png"))), 413),
        ["21 labels"] = (() => Body(b => b.With("labels", Enumerable.Range(1, 21).Select(i => $"l{i}").ToArray())), 400),
        ["a label of 65 characters"] = (() => Body(b => b.With("labels", new[] { new string('a', 65) })), 400),
        ["a label with markup"] = (() => Body(b => b.With("labels", new[] { "<script>" })), 400),
        ["an empty label"] = (() => Body(b => b.With("labels", new[] { " " })), 400),
        ["a note of 2001 characters"] = (() => Body(b => b.With("note", new string('n', 2001))), 400),
        ["a camera id with a slash"] = (() => Body(b => b.With("camera_id", "../etc")), 400),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task PostWithBadInputIsAProblemAndStoresNothing(string name)
    {
        var (body, status) = Cases[name];
        var app = environment.App;
        var (rows, objects) = (await AppEnvironment.SnapshotRowsAsync(app), (await AppEnvironment.ObjectKeysAsync(app)).Count);

        var response = await app.CreateClient().PostAsync("/api/snapshots", body());

        await response.AssertProblemAsync(status);
        Assert.Equal(rows, await AppEnvironment.SnapshotRowsAsync(app));
        Assert.Equal(objects, (await AppEnvironment.ObjectKeysAsync(app)).Count);
    }

    [Fact]
    public async Task AnImageOverTheByteLimitIs413()
    {
        // 2400×2400 of noise is about 17 MB as PNG: over the 10 MB default.
        var response = await environment.App.CreateClient().PostAsync("/api/snapshots",
            Body(b => b.With("frame_data", TestImages.DataUrl(TestImages.NoisePng(2400, 2400), "image/png"))));

        await response.AssertProblemAsync(413);
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthIsRefusedWhileReading()
    {
        // Chunked, so the server cannot know the size up front: it must stop reading at the limit.
        var padding = new string('A', 16 * 1024 * 1024);
        var content = new PushStreamContent($"{{\"timestamp\":\"2024-10-24T10:30:00Z\",\"frame_data\":\"{padding}\"}}");

        var response = await environment.App.CreateClient().PostAsync("/api/snapshots", content);

        await response.AssertProblemAsync(413);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("from=last-tuesday")]
    [InlineData("to=2024-13-45")]
    [InlineData("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")]
    [InlineData("label=%3Cscript%3E")]
    public async Task ListWithBadParametersIs400(string query)
    {
        var response = await environment.App.CreateClient().GetAsync($"/api/snapshots?{query}");

        await response.AssertProblemAsync(400);
    }

    [Theory]
    [InlineData("GET", "0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404)]
    [InlineData("DELETE", "0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404)]
    [InlineData("GET", "not-an-id", 400)]
    [InlineData("DELETE", "12345", 400)]
    public async Task UnknownOrMalformedIdsAreProblems(string method, string id, int status)
    {
        var response = await environment.App.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/snapshots/{id}"));

        await response.AssertProblemAsync(status);
    }

    private static Dictionary<string, object?> Valid() => ApiClient.SnapshotBody(Jpeg);

    private static StringContent Body(Func<Dictionary<string, object?>, Dictionary<string, object?>> change) =>
        new(JsonSerializer.Serialize(change(Valid())), Encoding.UTF8, "application/json");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Sends its text without a Content-Length header (chunked transfer).</summary>
    private sealed class PushStreamContent : HttpContent
    {
        private readonly string _text;

        public PushStreamContent(string text)
        {
            _text = text;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(_text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class BadInputOnEmbeddedDefault(EmbeddedEnvironment environment)
    : BadInputTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class BadInputOnPostgresAndS3(ProductionEnvironment environment)
    : BadInputTests(environment), IClassFixture<ProductionEnvironment>;
