namespace DogMonitor.Domain.Recording;

/// <summary>A range the buffer cannot give, with a sentence naming what was asked and what the buffer holds.</summary>
public sealed class RangeNotCoveredException(string message) : Exception(message);
