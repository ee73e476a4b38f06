using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Worker.Recording;

/// <summary>The programs a camera's recorder runs: ffmpeg to record, ffprobe (through the runner) to ask the camera what it sends.</summary>
internal sealed record RecorderTools(string Ffmpeg, string Ffprobe, FfmpegRunner Runner);
