using DogMonitor.Faults.Stack;
using Minio;
using Minio.DataModel.Args;
using Npgsql;

namespace DogMonitor.Faults.Report;

/// <summary>
/// What the database and the store hold, read directly (not through the app, and not through the relays): the fault
/// suite counts with its own eyes.
/// </summary>
public sealed class Inventory(ProductionStack stack) : IDisposable
{
    private readonly IMinioClient _s3 = new MinioClient()
        .WithEndpoint("127.0.0.1", new Uri(stack.S3Endpoint).Port)
        .WithCredentials(stack.S3AccessKey, stack.S3SecretKey)
        .WithRegion("us-east-1")
        .Build();

    public sealed record ClipRow(Guid Id, string Status, string? Error, string? VideoKey, string? PreviewKey, DateTime UpdatedAt);
    public sealed record SnapshotRow(Guid Id, string ImageKey, string ThumbnailKey);

    public async Task<Dictionary<Guid, ClipRow>> ClipsAsync(IReadOnlyCollection<Guid> ids)
    {
        var rows = new Dictionary<Guid, ClipRow>();
        await foreach (var reader in QueryAsync("SELECT id, status, error, video_key, preview_key, updated_at FROM clips WHERE id = ANY(@ids)", ids))
            rows[reader.GetGuid(0)] = new ClipRow(reader.GetGuid(0), reader.GetString(1).ToLowerInvariant(), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDateTime(5));
        return rows;
    }

    public async Task<Dictionary<Guid, SnapshotRow>> SnapshotsAsync(IReadOnlyCollection<Guid> ids)
    {
        var rows = new Dictionary<Guid, SnapshotRow>();
        await foreach (var reader in QueryAsync("SELECT id, image_key, thumbnail_key FROM snapshots WHERE id = ANY(@ids)", ids))
            rows[reader.GetGuid(0)] = new SnapshotRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
        return rows;
    }

    /// <summary>How many clips are in each status.</summary>
    public async Task<Dictionary<string, int>> ClipStatusesAsync()
    {
        var counts = new Dictionary<string, int>();
        await foreach (var reader in QueryAsync("SELECT status, count(*) FROM clips GROUP BY status", null)) counts[reader.GetString(0).ToLowerInvariant()] = (int)reader.GetInt64(1);
        return counts;
    }

    /// <summary>Every snapshot and clip id there is.</summary>
    public async Task<HashSet<Guid>> AllIdsAsync()
    {
        var ids = new HashSet<Guid>();
        await foreach (var reader in QueryAsync("SELECT id FROM clips UNION ALL SELECT id FROM snapshots", null)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>Every object in the bucket, with when it was written.</summary>
    public async Task<Dictionary<string, DateTime>> ObjectsAsync()
    {
        // A listing that fails once (a connection reset) is tried again.
        for (var tries = 1; ; tries++)
        {
            try { return await ListAsync(); }
            catch (Minio.Exceptions.MinioException) when (tries < 5) { await Task.Delay(500 * tries); }
        }
    }

    private async Task<Dictionary<string, DateTime>> ListAsync()
    {
        var objects = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        if (!await _s3.BucketExistsAsync(new BucketExistsArgs().WithBucket(ProductionStack.Bucket))) return objects;
        await foreach (var item in _s3.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(ProductionStack.Bucket).WithRecursive(true)))
            objects[item.Key] = item.LastModifiedDateTime?.ToUniversalTime() ?? DateTime.UtcNow;
        return objects;
    }

    /// <summary>Snapshots, and ready clips, whose objects are not all in <paramref name="objects"/>.</summary>
    public async Task<List<string>> RowsMissingMediaAsync(IReadOnlyDictionary<string, DateTime> objects)
    {
        var missing = new List<string>();
        await foreach (var reader in QueryAsync("SELECT id, image_key, thumbnail_key FROM snapshots", null))
            if (!objects.ContainsKey(reader.GetString(1)) || !objects.ContainsKey(reader.GetString(2))) missing.Add($"snapshot {reader.GetGuid(0)}: media missing");
        await foreach (var reader in QueryAsync("SELECT id, video_key, preview_key FROM clips WHERE lower(status) = 'ready'", null))
            if (reader.IsDBNull(1) || reader.IsDBNull(2) || !objects.ContainsKey(reader.GetString(1)) || !objects.ContainsKey(reader.GetString(2)))
                missing.Add($"clip {reader.GetGuid(0)}: ready, media missing");
        return missing;
    }

    /// <summary>Objects that no row names: their key's folder (snapshots/{id}/…, clips/{id}/…) holds no known id.</summary>
    public async Task<List<KeyValuePair<string, DateTime>>> OrphansAsync()
    {
        var objects = await ObjectsAsync(); // objects first: a row written after this still names its objects
        var ids = await AllIdsAsync();
        return [.. objects.Where(o => o.Key.Split('/') is not [_, var folder, ..] || !Guid.TryParseExact(folder, "N", out var id) || !ids.Contains(id))];
    }

    private async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(string sql, IReadOnlyCollection<Guid>? ids)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null) command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return reader;
    }

    public void Dispose() => (_s3 as IDisposable)?.Dispose();
}
