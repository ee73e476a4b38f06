using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Persistence;

/// <summary>Tells database failures (the server, the disk) apart from programming errors.</summary>
public static class DatabaseErrors
{
    public static bool IsDatabaseFailure(Exception ex) =>
        ex is DbException or DbUpdateException or TimeoutException || (ex.InnerException is { } inner && IsDatabaseFailure(inner));

    public static bool IsConnectionFailure(Exception ex) =>
        ex is SocketException or TimeoutException
        || (ex is Npgsql.NpgsqlException { IsTransient: true })
        || (ex.InnerException is { } inner && IsConnectionFailure(inner));
}
