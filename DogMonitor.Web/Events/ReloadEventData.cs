namespace DogMonitor.Web.Events;

/// <summary>The <c>data</c> of <c>reload</c>, saying why.</summary>
public sealed record ReloadEventData(string Detail);
