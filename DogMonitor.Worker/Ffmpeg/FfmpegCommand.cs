namespace DogMonitor.Worker.Ffmpeg;

/// <summary>One run of ffmpeg or ffprobe: which tool (for messages), its executable and its arguments, one per item.</summary>
internal sealed record FfmpegCommand(string Tool, string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>Hides secrets in the command line before it is logged (a camera's password in its URL); null hides nothing.</summary>
    public Func<string, string>? Redact { get; init; }

    /// <summary>The command as a shell would take it, for the Debug log and for running it by hand, secrets hidden.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(Quote)) is var line && Redact is { } redact ? redact(line) : line;

    public override string ToString() => CommandLine;

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_=+./:,@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
