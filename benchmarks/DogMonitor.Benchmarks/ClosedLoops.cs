using System.Diagnostics;

namespace DogMonitor.Benchmarks;

/// <summary>
/// A fixed number of loops that each send one request, wait for its whole answer and send the next, for a warm-up and
/// then a measured window. Only requests sent inside the window count; the window ends when the last of them is answered.
/// </summary>
public static class ClosedLoops
{
    public static async Task<LoadFigures> RunAsync(int loops, TimeSpan warmUp, TimeSpan measured, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var (from, until) = (warmUp, warmUp + measured);
        var results = await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(clock, from, until, send)));
        var samples = results.SelectMany(r => r.Milliseconds).Order().ToList();
        var errors = results.SelectMany(r => r.Errors).ToList();
        var lastAnswer = results.Max(r => r.LastAnswer);
        return new LoadFigures(samples.Count, lastAnswer - from, samples, errors.Count, errors.FirstOrDefault());
    }

    private static async Task<(List<double> Milliseconds, List<string> Errors, TimeSpan LastAnswer)> LoopAsync(
        Stopwatch clock, TimeSpan from, TimeSpan until, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        var (milliseconds, errors, lastAnswer) = (new List<double>(), new List<string>(), from);
        while (clock.Elapsed is var sent && sent < until)
        {
            string? error = null;
            try
            {
                using var response = await send(CancellationToken.None);
                if (!response.IsSuccessStatusCode) error = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.Message;
            }
            var answered = clock.Elapsed;
            if (sent < from) continue;
            milliseconds.Add((answered - sent).TotalMilliseconds);
            if (error is not null) errors.Add(error);
            lastAnswer = answered;
        }
        return (milliseconds, errors, lastAnswer);
    }
}
