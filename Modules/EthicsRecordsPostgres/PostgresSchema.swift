import Foundation

/// The register's schema on PostgreSQL: a named, ordered list of migrations, as on the SQLite
/// side, each recorded in `ethics.schema_migrations` when applied. A migration, once shipped, is
/// never edited: a change is a new migration at the end of the list.
///
/// Every table lives in the schema `ethics`, owned by a role that does not log in (the owner);
/// the toolkit's role may SELECT and INSERT, never UPDATE or DELETE, and triggers refuse UPDATE,
/// DELETE and TRUNCATE anyway. Text columns sort byte by byte (`COLLATE "C"`), as SQLite's do,
/// so both engines list records in the same order.
enum PostgresSchema {
    static let schema = "ethics"
    static let tables = ["journal", "record", "record_version", "record_link"]

    /// Held (as a transaction-level advisory lock) by every write and by every migration, so the
    /// journal's head never moves underneath a writer: "ETHR", as SQLite's application id.
    static let writeLock: Int64 = 0x4554_4852

    struct Migration {
        var name: String
        var sql: String
    }

    static let migrations: [Migration] = [
        Migration(name: "v1-records-versions-links-journal", sql: """
            CREATE TABLE ethics.journal (
                sequence BIGINT PRIMARY KEY CHECK (sequence >= 1),
                time TEXT COLLATE "C" NOT NULL,
                topic TEXT COLLATE "C" NOT NULL,
                payload TEXT COLLATE "C" NOT NULL,
                previous_hash TEXT COLLATE "C" NOT NULL,
                hash TEXT COLLATE "C" NOT NULL
            );
            CREATE INDEX journal_topic ON ethics.journal (topic, sequence);
            CREATE TABLE ethics.record (
                id TEXT COLLATE "C" PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL CHECK (kind <> ''),
                year BIGINT NOT NULL,
                serial BIGINT NOT NULL,
                created_at TEXT COLLATE "C" NOT NULL,
                UNIQUE (kind, year, serial)
            );
            CREATE TABLE ethics.record_version (
                record_id TEXT COLLATE "C" NOT NULL REFERENCES ethics.record(id),
                version BIGINT NOT NULL CHECK (version >= 1),
                title TEXT COLLATE "C" NOT NULL,
                author TEXT COLLATE "C" NOT NULL,
                status TEXT COLLATE "C" NOT NULL,
                review_by TEXT COLLATE "C",
                tags TEXT COLLATE "C" NOT NULL,
                attributes TEXT COLLATE "C" NOT NULL,
                body TEXT COLLATE "C" NOT NULL,
                recorded_at TEXT COLLATE "C" NOT NULL,
                journal_sequence BIGINT NOT NULL REFERENCES ethics.journal(sequence),
                step TEXT COLLATE "C",
                PRIMARY KEY (record_id, version)
            );
            CREATE INDEX record_version_review_by ON ethics.record_version (review_by);
            CREATE INDEX record_version_journal_sequence ON ethics.record_version (journal_sequence);
            CREATE TABLE ethics.record_link (
                from_id TEXT COLLATE "C" NOT NULL REFERENCES ethics.record(id),
                to_id TEXT COLLATE "C" NOT NULL REFERENCES ethics.record(id),
                relation TEXT COLLATE "C" NOT NULL,
                linked_at TEXT COLLATE "C" NOT NULL,
                journal_sequence BIGINT NOT NULL REFERENCES ethics.journal(sequence),
                PRIMARY KEY (from_id, to_id, relation)
            );
            CREATE FUNCTION ethics.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the register is append-only: % rows are never changed or removed', TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            """ + tables.map { table in
                """

                CREATE TRIGGER \(table)_refuses_change BEFORE UPDATE OR DELETE ON ethics.\(table)
                    FOR EACH ROW EXECUTE FUNCTION ethics.refuse_change();
                CREATE TRIGGER \(table)_refuses_truncate BEFORE TRUNCATE ON ethics.\(table)
                    FOR EACH STATEMENT EXECUTE FUNCTION ethics.refuse_change();
                """
            }.joined()),
        // The register's list walks the records in the order they were made and stops at the end
        // of its page (as SQLite's v4-records-in-list-order).
        Migration(name: "v2-records-in-list-order", sql: "CREATE INDEX record_list_order ON ethics.record (created_at, id)"),
    ]

    /// The migrations table itself, made before the first migration.
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS ethics.schema_migrations (
            position BIGINT PRIMARY KEY,
            name TEXT COLLATE "C" NOT NULL UNIQUE,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    /// Quotes an SQL identifier (a role's name).
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Quotes an SQL string literal, for the few statements (`ALTER ROLE … PASSWORD`) that take no
    /// parameters.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
