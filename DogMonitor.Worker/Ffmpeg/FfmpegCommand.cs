namespace DogMonitor.Worker.Ffmpeg;

/// <summary>One run of ffmpeg or ffprobe: which tool (for messages), its executable and its arguments, one per item.</summary>
internal sealed record FfmpegCommand(string Tool, string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>The command as a shell would take it, for the Debug log and for running it by hand.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(Quote));

    public override string ToString() => CommandLine;

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_=+./:,@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
