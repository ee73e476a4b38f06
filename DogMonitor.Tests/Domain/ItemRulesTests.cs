using DogMonitor.Domain.Validation;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Domain;

public class ItemRulesTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Labels_AreTrimmedLowerCasedAndDeduplicated()
    {
        var errors = new ValidationErrors();

        var labels = ItemRules.NormalizeLabels([" Good-Boy ", "good-boy", "Fetch", "hündchen", "nap time"], errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(["good-boy", "fetch", "hündchen", "nap time"], labels);
    }

    [Theory]
    [InlineData("<b>")]
    [InlineData("-leading")]
    [InlineData("a/b")]
    [InlineData("emoji🐶")]
    [InlineData("")]
    public void Labels_OutsideTheSafeSetAreErrors(string label)
    {
        var errors = new ValidationErrors();

        ItemRules.NormalizeLabels([label], errors);

        Assert.True(errors.ToDictionary().ContainsKey("labels"));
    }

    [Fact]
    public void Labels_AtTheLimitsPass_AndOneMoreFails()
    {
        var fine = new ValidationErrors();
        ItemRules.NormalizeLabels([.. Enumerable.Range(0, 20).Select(i => $"l{i}"), ], fine);
        ItemRules.NormalizeLabels([new string('x', 64)], fine);
        Assert.True(fine.IsEmpty);

        var tooMany = new ValidationErrors();
        ItemRules.NormalizeLabels([.. Enumerable.Range(0, 21).Select(i => $"l{i}")], tooMany);
        var tooLong = new ValidationErrors();
        ItemRules.NormalizeLabels([new string('x', 65)], tooLong);
        Assert.False(tooMany.IsEmpty);
        Assert.False(tooLong.IsEmpty);
    }

    [Theory]
    [InlineData("yard\n")]
    [InlineData("Yard")]
    [InlineData("../etc")]
    [InlineData("")]
    public void CameraIds_OutsideTheSafeSetAreErrors(string cameraId)
    {
        var errors = new ValidationErrors();

        ItemRules.NormalizeCameraId(cameraId, errors);

        Assert.True(errors.ToDictionary().ContainsKey("camera_id"));
    }

    [Fact]
    public void Note_IsTrimmed_EmptyBecomesNull_AndIsLimited()
    {
        var errors = new ValidationErrors();
        Assert.Equal("hello", ItemRules.NormalizeNote("  hello ", errors));
        Assert.Null(ItemRules.NormalizeNote("   ", errors));
        Assert.NotNull(ItemRules.NormalizeNote(new string('n', 2000), errors));
        Assert.True(errors.IsEmpty);

        ItemRules.NormalizeNote(new string('n', 2001), errors);
        Assert.False(errors.IsEmpty);
    }

    [Theory]
    [InlineData("2024-10-24T10:30:00Z", "2024-10-24T10:30:00.0000000Z")]
    [InlineData("2024-10-24T12:30:00+02:00", "2024-10-24T10:30:00.0000000Z")]
    [InlineData("2024-10-24T10:30:00.123Z", "2024-10-24T10:30:00.1230000Z")]
    public void Timestamp_IsReadAsUtc(string value, string expected)
    {
        var errors = new ValidationErrors();

        var parsed = ItemRules.ParseTimestamp(value, "timestamp", errors, Clock);

        Assert.True(errors.IsEmpty);
        Assert.Equal(DateTimeKind.Utc, parsed!.Value.Kind);
        Assert.Equal(expected, parsed.Value.ToString("O"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2026-11-26T12:00:00Z")]
    public void Timestamp_MissingUnparsableOrFarOffIsAnError(string? value)
    {
        var errors = new ValidationErrors();

        Assert.Null(ItemRules.ParseTimestamp(value, "timestamp", errors, Clock));
        Assert.True(errors.ToDictionary().ContainsKey("timestamp"));
    }
}
