namespace DogMonitor.Web.Components.Gallery;

/// <summary>An edit the viewer shows back to the person: a label that is not allowed, a store that is down.</summary>
public sealed class EditRejectedException(string message) : Exception(message);
