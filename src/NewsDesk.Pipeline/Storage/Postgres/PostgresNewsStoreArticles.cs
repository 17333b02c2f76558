using System.Text.Json;
using NewsDesk.Stories;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>The PostgreSQL store's articles and their story members.</summary>
public sealed partial class PostgresNewsStore
{
    private static readonly string Upsert =
        $"INSERT INTO articles ({string.Join(", ", PostgresArticleRow.Columns)}) VALUES ({string.Join(", ", PostgresArticleRow.Columns.Select((_, i) => "$" + (i + 1)))}) " +
        $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", PostgresArticleRow.Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
        "RETURNING (xmax = 0)";

    public Article? FindArticle(string id) => FindOne("id = @value", id);

    public Article? FindByUrl(string url) => FindOne("url = @value", url);

    public Article? FindByContentHash(string hash) => FindOne("content_hash = @value", hash);

    private Article? FindOne(string condition, string value) => Read(connection =>
    {
        using var command = Command(connection, $"SELECT {PostgresArticleRow.Select} FROM articles WHERE {condition} ORDER BY id LIMIT 1", ("value", value));
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresArticleRow.Read(reader) : null;
    });

    public bool Save(Article article) => Write(connection =>
    {
        var isNew = SaveRow(connection, article);
        PutMember(connection, article, isNew);
        return isNew;
    });

    public int InsertMany(IEnumerable<Article> articles, int batchSize = 5000)
    {
        var count = 0;
        foreach (var batch in articles.Chunk(batchSize))
        {
            count += Write(connection =>
            {
                // One round trip per batch of statements, not per article.
                using var insert = new NpgsqlBatch(connection);
                foreach (var article in batch)
                {
                    var command = new NpgsqlBatchCommand($"INSERT INTO articles ({string.Join(", ", PostgresArticleRow.Columns)}) VALUES ({string.Join(", ", PostgresArticleRow.Columns.Select((_, i) => "$" + (i + 1)))})");
                    command.Parameters.AddRange(PostgresArticleRow.Values(article));
                    insert.BatchCommands.Add(command);
                    if (Member(article) is { } member)
                    {
                        insert.BatchCommands.Add(member);
                    }
                }

                insert.ExecuteNonQuery();
                return batch.Length;
            });
        }

        return count;
    }

    private static bool SaveRow(NpgsqlConnection connection, Article article)
    {
        using var command = new NpgsqlCommand(Upsert, connection);
        command.Parameters.AddRange(PostgresArticleRow.Values(article));
        return (bool)command.ExecuteScalar()!;
    }

    /// <summary>The article's story member in place of what it had, as LiteDB's story index keeps it.</summary>
    private static void PutMember(NpgsqlConnection connection, Article article, bool isNew)
    {
        using var batch = new NpgsqlBatch(connection);
        if (!isNew)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM story_members WHERE article_id = $1");
            delete.Parameters.Add(new NpgsqlParameter { Value = article.Id });
            batch.BatchCommands.Add(delete);
        }

        if (Member(article) is { } insert)
        {
            batch.BatchCommands.Add(insert);
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The insert of <paramref name="article"/>'s story member, or null when it has no signature or keys. An undated
    /// article (no published date) is held under its ingest time but comes back undated, as LiteDB's index does.
    /// </summary>
    private static NpgsqlBatchCommand? Member(Article article)
    {
        if (article.StorySignature is null || article.StoryKeys.Length == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand("INSERT INTO story_members (article_id, story_id, date, undated, signature, keys) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = article.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = article.StoryId ?? article.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = article.EffectiveDate.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = article.Published is null });
        command.Parameters.Add(Jsonb(article.StorySignature));
        command.Parameters.Add(new NpgsqlParameter { Value = article.StoryKeys.Distinct(StringComparer.Ordinal).ToArray() });
        return command;
    }

    /// <summary>
    /// Inside a transaction (the group commit), first takes an advisory lock on each key, in one fixed order (their
    /// hashes, sorted), held until the transaction ends: another worker assigning a report that shares a key waits for
    /// this one to commit, and then reads its rows. So two workers given reports of one story put them in one story, as
    /// one worker would. Keys that share a hash only wait for each other. Two groups that lock overlapping keys in
    /// different orders can deadlock; PostgreSQL ends one of them, and the group committer retries its articles one by
    /// one (each article's keys are locked in order).
    /// </summary>
    public List<StoryCandidate> FindStoryCandidates(IReadOnlyCollection<string> keys, DateTimeOffset? since, int limit = 40)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        return Read(connection =>
        {
            if (_transaction.Value is not null)
            {
                LockKeys(connection, distinct);
            }

            // Without a date (an undated report): what a worker would hold at hand, the weeks before the newest member.
            var from = since is not null ? "@since" : "(SELECT max(date) FROM story_members) - interval '31 days'";
            using var command = Command(connection,
                $"""
                SELECT article_id, story_id, date, undated, signature
                FROM story_members m
                WHERE keys && @keys AND date >= {from}
                ORDER BY (SELECT count(*) FROM unnest(m.keys) k WHERE k = ANY(@keys)) DESC, article_id
                LIMIT @limit
                """,
                ("keys", distinct), ("limit", limit));
            if (since is { } bound)
            {
                command.Parameters.AddWithValue("since", bound.ToUniversalTime());
            }

            using var reader = command.ExecuteReader();
            var candidates = new List<StoryCandidate>();
            while (reader.Read())
            {
                var undated = reader.GetBoolean(3);
                candidates.Add(new StoryCandidate(
                    reader.GetString(0),
                    reader.GetString(1),
                    undated ? null : Millisecond(reader.GetFieldValue<DateTimeOffset>(2)),
                    JsonSerializer.Deserialize<StorySignature>(reader.GetString(4), Json)!));
            }

            return candidates;
        });
    }

    private static void LockKeys(NpgsqlConnection connection, string[] keys)
    {
        var hashes = keys.Select(k => unchecked((int)StableHash.Of(k))).Distinct().Order().ToArray();
        // unnest gives the array in its order, and the aggregate takes the locks in that order.
        using var command = Command(connection, $"SELECT count(pg_advisory_xact_lock({StoryKeyLock}, h)) FROM unnest(@hashes) h", ("hashes", hashes));
        command.ExecuteScalar();
    }

    /// <summary>A member's date as LiteDB gives it back (to the millisecond), so both stores match the same way.</summary>
    private static DateTimeOffset Millisecond(DateTimeOffset date) =>
        new(date.UtcTicks - (date.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>Nothing to ready: candidates are read from the database, by its GIN index on the keys, at each look-up.</summary>
    public void PrepareStoryMatching(DateTimeOffset since)
    {
    }

    public int CountStory(string storyId, int upTo) => Read(connection =>
    {
        using var command = Command(connection, "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story_id = @story LIMIT @upTo) s", ("story", storyId), ("upTo", upTo));
        return (int)(long)command.ExecuteScalar()!;
    });

    public int MergeStory(string from, string into) => Write(connection =>
    {
        using var members = Command(connection, "UPDATE story_members SET story_id = @into WHERE story_id = @from", ("into", into), ("from", from));
        members.ExecuteNonQuery();
        using var articles = Command(connection, "UPDATE articles SET story_id = @into WHERE story_id = @from", ("into", into), ("from", from));
        return articles.ExecuteNonQuery();
    });

    public int PurgeOlderThan(DateTimeOffset cutoff) => Write(connection =>
    {
        // Story members go with their articles (ON DELETE CASCADE).
        using var command = Command(connection, "DELETE FROM articles WHERE effective_date < @cutoff AND ingested < @cutoff", ("cutoff", cutoff.ToUniversalTime()));
        return command.ExecuteNonQuery();
    });
}
