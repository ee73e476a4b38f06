namespace DogMonitor.Worker.Recording;

/// <summary>Where ffmpeg sends the detectors' feeds (<c>unix:</c> URLs), and the picture size the grey frames are made from.</summary>
/// <param name="FramesUrl">The grey frames' socket; null when motion is not watched (the picture size is not known).</param>
/// <param name="SoundUrl">The sound's socket; null when the camera sends none.</param>
internal sealed record ActivityOutputs(string? FramesUrl, string? SoundUrl, int Width, int Height);
