using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DogMonitor.Domain.Cameras;

namespace DogMonitor.Domain.Validation;

/// <summary>The rules for labels, notes, camera ids and timestamps shared by snapshots and clips.</summary>
public static partial class ItemRules
{
    public const int MaxLabels = 20;
    public const int MaxLabelLength = 64;
    public const int MaxNoteLength = 2000;
    public const int MaxCameraIdLength = 64;

    /// <summary>How far past the server's clock a timestamp may lie (clock skew between devices).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    // Letters and digits of any script, then also space, dot, underscore and hyphen.
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]*\z")]
    private static partial Regex LabelPattern();

    /// <summary>
    /// Trims, lower-cases and de-duplicates labels, so that filtering by "Good-Boy" finds "good-boy".
    /// Adds an error per broken rule to <paramref name="errors"/>.
    /// </summary>
    public static List<string> NormalizeLabels(IReadOnlyList<string?>? labels, ValidationErrors errors)
    {
        var result = new List<string>();
        if (labels is null) return result;
        if (labels.Count > MaxLabels)
        {
            errors.Add("labels", $"At most {MaxLabels} labels are allowed; {labels.Count} were sent.");
            return result;
        }
        foreach (var raw in labels)
        {
            var label = raw?.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture) ?? "";
            if (label.Length == 0)
                errors.Add("labels", "Labels must not be empty.");
            else if (label.Length > MaxLabelLength)
                errors.Add("labels", $"The label '{label[..20]}…' is {label.Length} characters long; at most {MaxLabelLength} are allowed.");
            else if (!LabelPattern().IsMatch(label))
                errors.Add("labels", $"The label '{label}' may only hold letters, digits, spaces, '.', '_' and '-', and must start with a letter or digit.");
            else if (!result.Contains(label))
                result.Add(label);
        }
        return result;
    }

    /// <summary>Trims a note; an empty note becomes null.</summary>
    public static string? NormalizeNote(string? note, ValidationErrors errors)
    {
        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxNoteLength)
            errors.Add("note", $"The note is {trimmed.Length} characters long; at most {MaxNoteLength} are allowed.");
        return trimmed;
    }

    public static string? NormalizeCameraId(string? cameraId, ValidationErrors errors)
    {
        if (cameraId is null) return null;
        if (!CameraId.IsValid(cameraId))
            errors.Add("camera_id", $"camera_id must be 1 to {MaxCameraIdLength} lower-case letters, digits, '.', '_' or '-'.");
        return cameraId;
    }

    /// <summary>Parses an ISO 8601 time with a zone (e.g. <c>2024-10-24T10:30:00Z</c>) into UTC.</summary>
    public static DateTime? ParseTimestamp(string? value, string field, ValidationErrors errors, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required: an ISO 8601 time such as 2024-10-24T10:30:00Z.");
            return null;
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            || parsed.Year < 2000)
        {
            errors.Add(field, $"'{Shorten(value)}' is not an ISO 8601 time such as 2024-10-24T10:30:00Z.");
            return null;
        }
        if (parsed > clock.GetUtcNow() + MaxFutureSkew)
        {
            errors.Add(field, $"{field} {parsed:O} lies more than a day in the future.");
            return null;
        }
        return parsed.UtcDateTime;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
