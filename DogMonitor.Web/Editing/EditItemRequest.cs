using DogMonitor.Domain.Validation;

namespace DogMonitor.Web.Editing;

/// <summary>The body of <c>PATCH /api/snapshots/{id}</c> and <c>PATCH /api/clips/{id}</c>: what to change.</summary>
public sealed class EditItemRequest
{
    /// <summary>The new labels (replacing the old ones); <c>[]</c> removes them; leave it out to keep them.</summary>
    public List<string?>? Labels { get; init; }

    /// <summary>The new note; <c>""</c> removes it; leave it out to keep it.</summary>
    public string? Note { get; init; }

    public ItemEdit ToItemEdit() => new(Labels, Note);

    /// <summary>Edits are small: labels and a note.</summary>
    public const long MaxBytes = 64 * 1024;
}
