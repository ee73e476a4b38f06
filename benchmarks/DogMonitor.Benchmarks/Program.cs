using System.Globalization;
using DogMonitor.Benchmarks;

// Usage (./bench.sh runs both; clips signs in as Auth__InitialAdmin__Email/Password, the admin the app was started with):
//   paging [rows] [postgres-admin-connection-string]   listing at depth, keyset vs OFFSET
//   clips BASE_URL BUFFER_DIRECTORY CAMERA_ID          request → ready beside bare ffmpeg on the same segments
switch (args.FirstOrDefault())
{
    case "clips" when args.Length == 4:
        await ClipBenchmark.RunAsync(new Uri(args[1]), args[2], args[3]);
        break;
    case "paging":
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        await PagingBenchmark.RunAsync("sqlite", rows, postgresAdmin: null);
        if (args.Length > 2) await PagingBenchmark.RunAsync("postgres", rows, args[2]);
        break;
    default:
        Console.Error.WriteLine("usage: paging [rows] [postgres-connection-string] | clips BASE_URL BUFFER_DIRECTORY CAMERA_ID");
        return 2;
}
return 0;
