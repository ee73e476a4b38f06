namespace DogMonitor.Web.Components.Trim;

/// <summary>
/// What a key pressed on a trim handle does, in frames: <c>,</c> and <c>.</c> one frame (as in video editors), the arrow
/// keys a second, Page Up and Page Down ten, Home and End as far as the handle goes. Null for a key the handle leaves
/// alone (Tab among them, so keyboard users move on).
/// </summary>
public static class TrimKeys
{
    public static int? FramesFor(string key, TrimSelection selection)
    {
        var second = (int)Math.Round(selection.FramesPerSecond);
        return key switch
        {
            "," => -1,
            "." => 1,
            "ArrowLeft" or "ArrowDown" => -second,
            "ArrowRight" or "ArrowUp" => second,
            "PageDown" => -10 * second,
            "PageUp" => 10 * second,
            "Home" => -selection.TotalFrames,
            "End" => selection.TotalFrames,
            _ => null,
        };
    }
}
