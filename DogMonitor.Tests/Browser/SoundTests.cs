using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The synthetic camera's sound, heard the way a person would: in Chromium, in a clip and on the live page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SoundTests(RecordingApp recording)
{
    [Fact]
    public async Task AClipOfTheSyntheticCamera_HasSoundChromiumDecodes_WithTheBurstLouderThanTheTone()
    {
        // The scene barks for 1.5 s every 15 s (RecordingApp): a 16 s clip holds at least 1 s of one, whatever its start.
        var end = await recording.WaitForBufferAsync(TimeSpan.FromSeconds(17));
        var created = await recording.Client.PostAsJsonAsync("/api/clips", new { start_ts = end.AddSeconds(-16.5), duration_ms = 16_000, labels = new[] { "sound" } }, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var clip = await ReadyAsync(id);

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewSignedInPageAsync(recording.BaseUrl);
            await page.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
            // Chromium's own AAC decoder over the whole file, then the loudness of each 100 ms: the tone sits near
            // −43 dBFS RMS, the bark near −9.
            var sound = await page.EvaluateAsync<double[]>("""
                async url => {
                  const bytes = await (await fetch(url)).arrayBuffer();
                  const audio = await new AudioContext().decodeAudioData(bytes);
                  const samples = audio.getChannelData(0), window = Math.round(audio.sampleRate / 10), levels = [];
                  for (let i = 0; i + window <= samples.length; i += window) {
                    let sum = 0;
                    for (let j = i; j < i + window; j++) sum += samples[j] * samples[j];
                    levels.push(10 * Math.log10(sum / window + 1e-12));
                  }
                  levels.sort((a, b) => a - b);
                  return [audio.duration, levels[Math.floor(levels.length * 0.2)], levels[levels.length - 3]];
                }
                """, (string)clip["video_url"]!);
            var (seconds, quiet, loud) = (sound[0], sound[1], sound[2]);
            TestContext.Current.TestOutputHelper?.WriteLine($"Chromium decoded {seconds:0.000} s of sound: tone {quiet:0.0} dBFS, burst {loud:0.0} dBFS");

            Assert.InRange(seconds, 15.9, 16.1);
            Assert.True(quiet > -50, $"The tone is at {quiet:0.0} dBFS: silent.");
            Assert.True(loud - quiet > 12, $"The loudest moment ({loud:0.0} dBFS) is not a burst over the tone ({quiet:0.0} dBFS).");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task TheLivePage_StartsMuted_AndTurnsTheSoundOnWhenAsked()
    {
        await using var live = await LiveBrowser.OpenAsync(recording);
        var page = live.Page;
        var button = page.GetByTestId("live-sound");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.GetByTestId("live-sound-state")).ToHaveTextAsync("Muted");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('video').muted"));

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(button).ToHaveTextAsync("Sound"); // a toggle keeps its name
        await Assertions.Expect(page.GetByTestId("live-sound-state")).ToHaveTextAsync("Playing sound");
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('video').muted"));
        // Chromium counts the sound it decodes while playing: the live stream carries some.
        await page.WaitForFunctionAsync("() => document.querySelector('video').webkitAudioDecodedByteCount > 0", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    private async Task<JsonObject> ReadyAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var clip = (await recording.Client.GetFromJsonAsync<JsonObject>($"/api/clips/{id}", TestContext.Current.CancellationToken))!;
            if ((string?)clip["status"] is "ready" or "failed" || DateTime.UtcNow > deadline)
            {
                Assert.Equal("ready", (string?)clip["status"]);
                return clip;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
