namespace DogMonitor.Web.Components.Gallery;

/// <summary>One row of cards: the grid virtualizes rows, since its column count follows the width.</summary>
public sealed record GalleryRow<T>(int Index, IReadOnlyList<T> Items);
