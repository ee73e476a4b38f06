namespace DogMonitor.Domain.Persistence;

/// <summary>
/// SQLite's full-text index of an item table: an FTS5 table <c>{table}_search</c> over the table's
/// <c>search_text</c> column (external content: it keeps only the index, and shares each row's rowid), kept in step
/// by triggers on every insert, delete and change of the text. The tokenizer keeps accents, as PostgreSQL's
/// 'simple' configuration does; the text it reads has none left anyway (<see cref="Search.SearchText"/>). Also the
/// label count EF cannot ask SQLite for.
/// </summary>
/// <remarks>
/// The Search migration creates these; change them only in a new migration. A migration that rebuilds an item
/// table (SQLite's way to alter a column) drops its triggers and renumbers its rowids: it must create the triggers
/// again and rebuild the index (<c>INSERT INTO {table}_search({table}_search) VALUES ('rebuild')</c>).
/// </remarks>
internal static class SqliteSearchIndex
{
    public static readonly string[] Tables = ["snapshots", "clips"];

    public static string Create(string table) => $"""
        CREATE VIRTUAL TABLE "{table}_search" USING fts5(search_text, content='{table}', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
        INSERT INTO "{table}_search"("{table}_search") VALUES ('rebuild');
        CREATE TRIGGER "{table}_search_insert" AFTER INSERT ON "{table}" BEGIN
            INSERT INTO "{table}_search"(rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN
            INSERT INTO "{table}_search"("{table}_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        END;
        CREATE TRIGGER "{table}_search_update" AFTER UPDATE OF search_text ON "{table}" BEGIN
            INSERT INTO "{table}_search"("{table}_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO "{table}_search"(rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        """;

    public static string Drop(string table) => $"""
        DROP TRIGGER "{table}_search_update";
        DROP TRIGGER "{table}_search_delete";
        DROP TRIGGER "{table}_search_insert";
        DROP TABLE "{table}_search";
        """;

    /// <summary>
    /// Each label of the owner {0} starting with {1} (compared as bytes, so no character is a wildcard) and how many
    /// of the table's rows carry it.
    /// </summary>
    public static string LabelCounts(string table) =>
        $"SELECT j.value AS \"Label\", count(*) AS \"Count\" FROM \"{table}\" AS t, json_each(t.labels) AS j WHERE t.owner_id = {{0}} AND substr(j.value, 1, length({{1}})) = {{1}} GROUP BY j.value";

    /// <summary>The ids of the table's rows whose text matches the FTS5 expression given as parameter {0}.</summary>
    public static string MatchingIds(string table) =>
        $"SELECT id AS \"Value\" FROM \"{table}\" WHERE rowid IN (SELECT rowid FROM \"{table}_search\" WHERE \"{table}_search\" MATCH {{0}})";
}
