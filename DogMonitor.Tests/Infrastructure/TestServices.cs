using System.Net.Sockets;
using Npgsql;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>The real services the production tests use, as ./test.sh starts them (or as you point to them).</summary>
public static class TestServices
{
    private const string StartHint = "Run ./test.sh, which installs and starts it, or start one yourself and set";

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("DOGMONITOR_TEST_POSTGRES")
        ?? throw new InvalidOperationException($"PostgreSQL is needed for the production tests. {StartHint} DOGMONITOR_TEST_POSTGRES to an admin connection string (Host=127.0.0.1;Port=…;Username=postgres;Password=…).");

    public static string S3Endpoint =>
        Environment.GetEnvironmentVariable("DOGMONITOR_TEST_S3_ENDPOINT")
        ?? throw new InvalidOperationException($"An S3 server is needed for the production tests. {StartHint} DOGMONITOR_TEST_S3_ENDPOINT (http://127.0.0.1:…), DOGMONITOR_TEST_S3_ACCESS_KEY and DOGMONITOR_TEST_S3_SECRET_KEY.");

    public static string S3AccessKey => Environment.GetEnvironmentVariable("DOGMONITOR_TEST_S3_ACCESS_KEY") ?? "dogmonitor";
    public static string S3SecretKey => Environment.GetEnvironmentVariable("DOGMONITOR_TEST_S3_SECRET_KEY") ?? "dogmonitor-secret";

    /// <summary>RabbitMQ's address, from DOGMONITOR_TEST_RABBITMQ (amqp://guest:guest@127.0.0.1:PORT/).</summary>
    public static Uri RabbitMq =>
        new(Environment.GetEnvironmentVariable("DOGMONITOR_TEST_RABBITMQ")
            ?? throw new InvalidOperationException($"RabbitMQ is needed for the production clip tests. {StartHint} DOGMONITOR_TEST_RABBITMQ to amqp://guest:guest@127.0.0.1:PORT/."));

    public static async Task RequireRabbitMqAsync()
    {
        var broker = RabbitMq;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, broker.Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"RabbitMQ does not answer at {broker.Host}:{broker.Port} ({ex.Message}). {StartHint} DOGMONITOR_TEST_RABBITMQ to a running broker.", ex);
        }
    }

    public static async Task RequirePostgresAsync()
    {
        var connectionString = PostgresAdminConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException($"PostgreSQL is not reachable at {builder.Host}:{builder.Port} ({ex.Message}). {StartHint} DOGMONITOR_TEST_POSTGRES to a running server.", ex);
        }
    }

    public static async Task RequireS3Async()
    {
        var endpoint = new Uri(S3Endpoint);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"No S3 server answers at {endpoint} ({ex.Message}). {StartHint} DOGMONITOR_TEST_S3_ENDPOINT to a running one.", ex);
        }
    }
}
