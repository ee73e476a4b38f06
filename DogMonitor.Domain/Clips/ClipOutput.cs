using DogMonitor.Domain.Recording;

namespace DogMonitor.Domain.Clips;

/// <summary>What a finished cut stored.</summary>
/// <param name="SpriteKey">The scrub strip (<see cref="Clip.PreviewSpriteKey"/>); null when it could not be made (the card shows the still).</param>
/// <param name="FramesPerSecond">The video's frame rate, when ffprobe states one.</param>
public sealed record ClipOutput(string VideoKey, string PreviewKey, string? SpriteKey, int DurationMs, long SizeBytes, int Width, int Height, double? FramesPerSecond, List<BufferSpan> Gaps);
