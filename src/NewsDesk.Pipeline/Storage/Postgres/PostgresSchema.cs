using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// The PostgreSQL store's schema as numbered migrations, applied in order by <see cref="Apply"/> (at open and by
/// `db migrate`). A migration is never edited once released: a change is a new one. Each runs once, recorded in
/// schema_version, inside one transaction that first takes an advisory lock, so two workers starting at once apply it
/// once between them (the second waits, then finds it done).
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock space (the first key of pg_advisory_xact_lock(int, int)) NewsDesk uses for migrations.</summary>
    internal const int MigrationLock = 0x4E44_4D47;

    private static readonly string[] Migrations =
    [
        // 1: articles with the export schema's fields, story members, feeds, digests.
        """
        CREATE TABLE articles (
            id text COLLATE "C" PRIMARY KEY,
            schema_version int NOT NULL,
            feed_id text NOT NULL,
            source_kind text NOT NULL,
            source text,
            url text NOT NULL UNIQUE,
            entry_id text,
            title text NOT NULL,
            byline text,
            published timestamptz,
            modified timestamptz,
            ingested timestamptz NOT NULL,
            last_updated timestamptz NOT NULL,
            effective_date timestamptz GENERATED ALWAYS AS (coalesce(published, ingested)) STORED,
            description text,
            language text,
            lead_image text,
            text text NOT NULL,
            html text NOT NULL,
            text_source text NOT NULL,
            fallback_reason text,
            content_hash text NOT NULL,
            entry_fingerprint text NOT NULL,
            tags jsonb NOT NULL,
            evidence json NOT NULL,
            max_score double precision,
            themes text[] NOT NULL,
            parties text[] NOT NULL,
            countries text[] NOT NULL,
            organisations text[] NOT NULL,
            theme_keys text[] NOT NULL,
            party_keys text[] NOT NULL,
            organisation_keys text[] NOT NULL,
            summary jsonb NOT NULL,
            summary_text text NOT NULL,
            summary_method text NOT NULL,
            story_id text COLLATE "C",
            story_signature jsonb,
            story_keys text[] NOT NULL,
            search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
        );
        CREATE INDEX articles_effective_date ON articles (effective_date, id);
        CREATE INDEX articles_ingested ON articles (ingested, id);
        CREATE INDEX articles_feed ON articles (lower(feed_id));
        CREATE INDEX articles_story ON articles (story_id);
        CREATE INDEX articles_content_hash ON articles (content_hash);
        CREATE INDEX articles_themes ON articles USING gin (theme_keys);
        CREATE INDEX articles_parties ON articles USING gin (party_keys);
        CREATE INDEX articles_organisations ON articles USING gin (organisation_keys);
        CREATE INDEX articles_search ON articles USING gin (search);

        CREATE TABLE story_members (
            article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id text COLLATE "C" NOT NULL,
            date timestamptz NOT NULL,
            undated boolean NOT NULL,
            signature jsonb NOT NULL,
            keys text[] NOT NULL
        );
        CREATE INDEX story_members_keys ON story_members USING gin (keys);
        CREATE INDEX story_members_story ON story_members (story_id);
        CREATE INDEX story_members_date ON story_members (date);

        CREATE TABLE feeds (
            id text COLLATE "C" PRIMARY KEY,
            state jsonb NOT NULL
        );

        CREATE TABLE digests (
            id text COLLATE "C" PRIMARY KEY,
            generated_at timestamptz NOT NULL,
            article_count int NOT NULL,
            story_count int NOT NULL,
            markdown text NOT NULL,
            html text NOT NULL,
            json text NOT NULL
        );

        CREATE SEQUENCE store_generation;
        """,

        // 2: small named records jobs keep between runs (the alerter's state), shared by every worker.
        """
        CREATE TABLE records (
            name text COLLATE "C" PRIMARY KEY,
            value text NOT NULL,
            updated timestamptz NOT NULL DEFAULT now()
        );
        """,

        // 3: the taxonomy version that tagged each article (`retag`); null for articles stored before it was recorded.
        """
        ALTER TABLE articles ADD COLUMN taxonomy_version text;
        """,

        // 4: the page's stable address (its accepted canonical link), which the digest links; null when it named none.
        """
        ALTER TABLE articles ADD COLUMN link text;
        """,
    ];

    /// <summary>The schema version this NewsDesk writes.</summary>
    public static int Current => Migrations.Length;

    /// <summary>Applies the migrations the database has not had. Returns how many ran.</summary>
    public static int Apply(NpgsqlDataSource source, string location)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock}, 0)");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())");
        using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        var version = (int)read.ExecuteScalar()!;
        if (version > Current)
        {
            throw new StorageException($"storage: {location} has schema version {version}, newer than this NewsDesk knows ({Current}); upgrade NewsDesk.");
        }

        for (var next = version + 1; next <= Current; next++)
        {
            Execute(connection, Migrations[next - 1]);
            Execute(connection, $"INSERT INTO schema_version (version) VALUES ({next})");
        }

        transaction.Commit();
        return Current - version;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
