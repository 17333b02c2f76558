using System.Text.Json;
using NewsDesk.Stories;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>The PostgreSQL store's articles and their story members.</summary>
public sealed partial class PostgresNewsStore
{
    /// <summary>Articles sent to the server per round trip by <see cref="InsertMany"/>.</summary>
    private const int RoundTrip = 200;

    private static readonly string Insert =
        $"INSERT INTO articles ({string.Join(", ", PostgresArticleRow.Columns)}) VALUES ({string.Join(", ", PostgresArticleRow.Columns.Select((_, i) => "$" + (i + 1)))})";

    // (xmax = 0) is true for a row this statement inserted, false for one it updated.
    private static readonly string Upsert =
        $"{Insert} ON CONFLICT (id) DO UPDATE SET {string.Join(", ", PostgresArticleRow.Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
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
                // One transaction per batch, and one round trip per few hundred articles: a round trip per article
                // is slow, and one for the whole batch holds every article's parameters at once.
                foreach (var part in batch.Chunk(RoundTrip))
                {
                    using var insert = new NpgsqlBatch(connection);
                    foreach (var article in part)
                    {
                        var command = new NpgsqlBatchCommand(Insert);
                        command.Parameters.AddRange(PostgresArticleRow.Values(article));
                        insert.BatchCommands.Add(command);
                        if (Member(article) is { } member)
                        {
                            insert.BatchCommands.Add(member);
                        }
                    }

                    insert.ExecuteNonQuery();
                }

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
    /// Inside a transaction (the group commit), first takes the story-assignment advisory lock, held until the
    /// transaction ends: the group commits of all workers assign stories one after another, each reading what the ones
    /// before it committed, as one worker's group committer does. One lock, not one per key: a report that bridges two
    /// stories moves reports whose keys it does not share, so with a lock per key another worker could put a report into
    /// the story being merged away while the merge was still uncommitted, and the two halves stayed apart. Taken before
    /// the group writes anything, so these transactions cannot deadlock with one another.
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
                LockStoryAssignment(connection);
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

    private static void LockStoryAssignment(NpgsqlConnection connection)
    {
        // Re-entrant within a transaction: every look-up of the group takes it again, at no cost once held.
        using var command = Command(connection, $"SELECT pg_advisory_xact_lock({StoryKeyLock}, 0)");
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
