using DogMonitor.Domain.Search;
using DogMonitor.Domain.Validation;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// A label typed with suggestions: the person's own labels starting with what they type, most used first (from
/// <see cref="LabelService"/>, as <c>GET /api/labels</c> answers). With <see cref="Multiple"/> the text is a
/// comma-separated list and the suggestions complete its last label.
/// </summary>
public sealed partial class LabelField
{
    private const int Suggestions = 8;
    private MudAutocomplete<string>? _field;
    private Dictionary<string, int> _counts = [];
    private string? _reported;
    private string? _shownText;
    private int _generation;

    [Inject] private UserScopes Scopes { get; set; } = null!;

    /// <summary>The text in the field.</summary>
    [Parameter] public string? Text { get; set; }

    /// <summary>Raised on every change of the text, typed or chosen.</summary>
    [Parameter] public EventCallback<string?> TextChanged { get; set; }

    /// <summary>
    /// Raised when the text settles on a label: one chosen, or typing paused on a label in use or on one no label in
    /// use starts with; or on nothing (null) when the field is cleared. A pause on the start of labels in use waits
    /// for the choice.
    /// </summary>
    [Parameter] public EventCallback<string?> TextSettled { get; set; }

    /// <summary>Raised with the label chosen from the suggestions.</summary>
    [Parameter] public EventCallback<string> LabelChosen { get; set; }

    /// <summary>The text is a comma-separated list of labels; suggestions complete the last one.</summary>
    [Parameter] public bool Multiple { get; set; }

    /// <summary>Offers what was typed as a new label when it is not one in use yet.</summary>
    [Parameter] public bool OfferTyped { get; set; }

    /// <summary>Empties the field once a suggestion is chosen (for adding labels one at a time).</summary>
    [Parameter] public bool ClearOnChoose { get; set; }

    [Parameter] public string? Label { get; set; }
    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public bool Clearable { get; set; }
    [Parameter] public int DebounceInterval { get; set; } = 250;

    /// <summary>Attributes for the input element, e.g. a <c>data-testid</c>.</summary>
    [Parameter(CaptureUnmatchedValues = true)] public Dictionary<string, object?> UserAttributes { get; set; } = [];

    protected override void OnParametersSet()
    {
        // The text comes back from the parent after every keystroke; handing it to the input again would race the
        // typing still on its way (Blazor Server) and drop letters. Only a text from elsewhere (a reset, a new item)
        // replaces what is in the field, with a field of its own.
        if (Text == _reported) return;
        (_reported, _shownText) = (Text, Text);
        _generation++;
    }

    private (string Before, string Typed) Split(string? text)
    {
        text ??= "";
        var comma = Multiple ? text.LastIndexOf(',') : -1;
        return comma < 0 ? ("", text.Trim()) : (text[..(comma + 1)] + " ", text[(comma + 1)..].Trim());
    }

    private string ChosenLabel(string item) => Split(item.TrimEnd(' ', ',')).Typed;

    private async Task<IEnumerable<string>> SuggestAsync(string? text, CancellationToken cancellationToken)
    {
        var (before, typed) = Split(text);
        var taken = Multiple ? before.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).ToHashSet() : [];
        // Longer than any label: nothing to suggest. (MudAutocomplete logs a search that fails and shows no list.)
        if (typed.Length > ItemRules.MaxLabelLength) return [];
        // All of them, to know whether the text is one; the most used few are offered.
        var labels = await Scopes.WithAsync<LabelService, IReadOnlyList<LabelCount>>(s => s.InUseAsync(typed, LabelService.MaxLimit, cancellationToken));
        var counts = labels.Where(l => !taken.Contains(l.Label)).Take(Suggestions).ToDictionary(l => Complete(before, l.Label), l => l.Count);
        var typedLabel = typed.ToLowerInvariant();
        if (OfferTyped && typedLabel.Length > 0 && !labels.Any(l => l.Label == typedLabel))
            counts = new Dictionary<string, int> { [Complete(before, typedLabel)] = 0 }.Concat(counts).ToDictionary();
        _counts = counts;
        if (!Multiple && (typed.Length == 0 || labels.Count == 0 || labels.Any(l => l.Label == typedLabel)))
            await TextSettled.InvokeAsync(typed.Length == 0 ? null : typed);
        return counts.Keys;
    }

    private string Complete(string before, string label) => Multiple ? $"{before}{label}, " : label;

    private Task OnTextChangedAsync(string? text)
    {
        _reported = text;
        return TextChanged.InvokeAsync(text);
    }

    private async Task OnChosenAsync(string? item)
    {
        if (item is null) return;
        await LabelChosen.InvokeAsync(ChosenLabel(item));
        if (ClearOnChoose && _field is not null)
        {
            await _field.ClearAsync();
            return;
        }
        await TextSettled.InvokeAsync(item);
    }

    private Task OnClearedAsync(MouseEventArgs _) => TextSettled.InvokeAsync(null);
}
