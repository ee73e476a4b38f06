using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Validation;

/// <summary>
/// A change to a snapshot's or clip's labels and note, after the fact. A field left null stays as it is; an empty
/// label list removes the labels, an empty note removes the note.
/// </summary>
public sealed record ItemEdit(IReadOnlyList<string?>? Labels, string? Note)
{
    /// <summary>The normalized change; throws <see cref="RequestValidationException"/> naming each bad field.</summary>
    public (List<string>? Labels, bool ChangesNote, string? Note) Check()
    {
        var errors = new ValidationErrors();
        var labels = Labels is null ? null : ItemRules.NormalizeLabels(Labels, errors);
        var note = ItemRules.NormalizeNote(Note, errors);
        if (Labels is null && Note is null)
            errors.Add("labels", "Send labels, a note, or both: this request changes nothing.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        return (labels, Note is not null, note);
    }

    /// <summary>
    /// Applies the change to the owner's item; null when there is none. Only the labels and note columns are
    /// written, so a worker updating the item's other columns meanwhile loses nothing.
    /// </summary>
    public async Task<T?> ApplyAsync<T>(DbContext db, Guid id, string ownerId, CancellationToken cancellationToken)
        where T : class, IListedItem
    {
        var (labels, changesNote, note) = Check();
        var item = await db.Set<T>().FirstOrDefaultAsync(i => i.Id == id && i.OwnerId == ownerId, cancellationToken);
        if (item is null) return null;
        if (labels is not null) item.Labels = labels;
        if (changesNote) item.Note = note;
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }
}
