using DogMonitor.Domain.Paging;

namespace DogMonitor.Tests.Domain;

public class PageCursorTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSamePosition()
    {
        var cursor = new PageCursor(new DateTime(2024, 10, 24, 10, 30, 0, 123, DateTimeKind.Utc).AddTicks(4567), Guid.CreateVersion7());

        var encoded = cursor.Encode();

        Assert.True(PageCursor.TryDecode(encoded, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.Matches("^[A-Za-z0-9_-]+$", encoded); // safe in a query string as it is
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AAAA")]
    [InlineData("CNz0FxfFUAABogsafip0jqNHFHdRMvRJAAAA")]
    [InlineData("__________________________________")]
    public void TryDecode_RefusesWhatItDidNotMake(string? value)
    {
        Assert.False(PageCursor.TryDecode(value, out _));
    }
}
