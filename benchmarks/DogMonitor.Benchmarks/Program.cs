using DogMonitor.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/DogMonitor.Benchmarks -- [rows] [postgres-admin-connection-string]
// ./bench.sh starts PostgreSQL and passes its connection string; without one only SQLite is measured.
var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var postgres = args.Length > 1 ? args[1] : null;

await PagingBenchmark.RunAsync("sqlite", rows, postgresAdmin: null);
if (postgres is not null) await PagingBenchmark.RunAsync("postgres", rows, postgres);
