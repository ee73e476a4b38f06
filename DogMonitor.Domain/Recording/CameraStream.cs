namespace DogMonitor.Domain.Recording;

/// <summary>What a camera sends, as the recorder found it when it connected, and what the recorder does with it.</summary>
/// <param name="VideoCodec">ffmpeg's name for the video codec: <c>h264</c>, <c>hevc</c>, …</param>
/// <param name="Profile">The codec profile when the stream says (<c>Main</c>, <c>High</c>, <c>Baseline</c>…).</param>
/// <param name="Width">Picture width in pixels.</param>
/// <param name="Height">Picture height in pixels.</param>
/// <param name="FramesPerSecond">The stream's frame rate when it states one.</param>
/// <param name="AudioCodec">ffmpeg's name for the audio codec (<c>aac</c>, <c>pcm_alaw</c>, <c>pcm_mulaw</c>…), or null when the camera sends no sound.</param>
/// <param name="AudioSampleRate">The audio's sample rate in Hz, when there is audio.</param>
/// <param name="AudioTranscoded">True when the recorder turns the camera's audio into AAC (browsers and MP4 cannot carry G.711 or PCM); false when it keeps it as sent.</param>
/// <param name="LiveTranscoded">True when the live view is a second, H.264 encoding of the camera (an H.265 camera, which browsers cannot play); false when viewers get the recording itself.</param>
/// <param name="BFrames">How many frames the camera's video holds back to reorder (B-frames), when it says; 0 for none.</param>
public sealed record CameraStream(
    string VideoCodec,
    string? Profile,
    int Width,
    int Height,
    double? FramesPerSecond,
    string? AudioCodec,
    int? AudioSampleRate,
    bool AudioTranscoded,
    bool LiveTranscoded,
    int? BFrames = null)
{
    /// <summary>Whether browsers play this video codec (ffmpeg's name); Chromium and Firefox have no H.265 decoder.</summary>
    public static bool BrowsersPlay(string? videoCodec) => videoCodec == "h264";
}
