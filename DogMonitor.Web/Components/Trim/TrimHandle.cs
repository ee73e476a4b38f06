namespace DogMonitor.Web.Components.Trim;

/// <summary>One of the trim bar's two handles.</summary>
public enum TrimHandle
{
    Start,
    End,
}
