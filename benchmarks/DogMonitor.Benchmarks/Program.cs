using System.Globalization;
using DogMonitor.Benchmarks;

// Usage (./bench.sh runs them all; every command but paging signs in as Auth__InitialAdmin__Email/Password):
//   paging [rows] [postgres-admin-connection-string]   listing at depth, keyset vs OFFSET
//   clips BASE_URL BUFFER_DIRECTORY CAMERA_ID          request → ready beside bare ffmpeg on the same segments
//   load BASE_URL SETUP                                requests a second and latency: snapshot posts, the listing
//   workers BASE_URL CAMERA_ID WORK_DIR                clips a minute with one and with two cutting worker processes
//   events BASE_URL WEB_PID                            500 event streams: memory per stream, delay to the clients
//   detection WORKER_DLL RTSP_SERVER WORK_DIR          a recorder's CPU with activity detection off and on (720p)
//   index WORK_DIR                                     the buffer index's cost per segment at 1 and 7 days of recording
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
    case "load" when args.Length == 3:
        await LoadBenchmark.RunAsync(new Uri(args[1]), args[2]);
        break;
    case "workers" when args.Length == 4:
        await WorkersBenchmark.RunAsync(new Uri(args[1]), args[2], args[3]);
        break;
    case "events" when args.Length == 3:
        await EventsBenchmark.RunAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    case "detection" when args.Length == 4:
        await DetectionBenchmark.RunAsync(args[1], args[2], args[3]);
        break;
    case "index" when args.Length == 2:
        await BufferIndexBenchmark.RunAsync(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: paging [rows] [postgres-connection-string] | clips BASE_URL BUFFER_DIRECTORY CAMERA_ID | load BASE_URL SETUP"
            + " | workers BASE_URL CAMERA_ID WORK_DIR | events BASE_URL WEB_PID | detection WORKER_DLL RTSP_SERVER WORK_DIR | index WORK_DIR");
        return 2;
}
return 0;
