using DogMonitor.Domain.Recording;

namespace DogMonitor.Domain.Clips;

/// <summary>What a finished cut stored.</summary>
public sealed record ClipOutput(string VideoKey, string PreviewKey, int DurationMs, long SizeBytes, int Width, int Height, List<BufferSpan> Gaps);
