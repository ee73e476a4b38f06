using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Stops the app at start, with a sentence, when ffmpeg or ffprobe cannot be found.</summary>
internal sealed class FfmpegOptionsValidator : IValidateOptions<FfmpegOptions>
{
    public ValidateOptionsResult Validate(string? name, FfmpegOptions options)
    {
        var failures = new List<string>();
        if (!ExecutableExists(options.FfmpegPath))
            failures.Add(Missing("ffmpeg", options.FfmpegPath, nameof(FfmpegOptions.FfmpegPath)));
        if (!ExecutableExists(options.FfprobePath))
            failures.Add(Missing("ffprobe", options.FfprobePath, nameof(FfmpegOptions.FfprobePath)));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Missing(string tool, string path, string key) =>
        $"{tool} was not found at '{path}'. Install it (apt-get install ffmpeg) or set {FfmpegOptions.SectionName}:{key} to its path.";

    // Process.Start would find a bare name on PATH the same way; looking first turns a missing tool into a start-up error.
    private static bool ExecutableExists(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return false;
        if (path.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || path.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
            return File.Exists(path);
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Any(directory => File.Exists(Path.Combine(directory, path)) || File.Exists(Path.Combine(directory, path + ".exe")));
    }
}
