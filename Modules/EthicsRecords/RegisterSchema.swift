import GRDB

/// The register's schema, as GRDB's ordered list of named migrations. A migration, once shipped,
/// is never edited: a change to the schema is a new migration at the end of the list.
enum RegisterSchema {
    /// Written into the SQLite header (`PRAGMA application_id`, "ETHR") before anything else, so
    /// that a register is recognised from its first 100 bytes without opening it, and any other
    /// file at the register's path is refused untouched.
    static let applicationID: Int32 = 0x4554_4852

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records-versions-links-journal") { db in
            try db.execute(sql: """
                CREATE TABLE journal (
                    sequence INTEGER PRIMARY KEY,
                    time TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TABLE record (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('decision', 'canvas', 'assessment')),
                    year INTEGER NOT NULL,
                    serial INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (kind, year, serial)
                );
                CREATE TABLE record_version (
                    record_id TEXT NOT NULL REFERENCES record(id),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    title TEXT NOT NULL,
                    author TEXT NOT NULL,
                    status TEXT NOT NULL,
                    review_by TEXT,
                    tags TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    body TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    journal_sequence INTEGER NOT NULL REFERENCES journal(sequence),
                    PRIMARY KEY (record_id, version)
                );
                CREATE INDEX record_version_review_by ON record_version(review_by);
                CREATE TABLE record_link (
                    from_id TEXT NOT NULL REFERENCES record(id),
                    to_id TEXT NOT NULL REFERENCES record(id),
                    relation TEXT NOT NULL,
                    linked_at TEXT NOT NULL,
                    journal_sequence INTEGER NOT NULL REFERENCES journal(sequence),
                    PRIMARY KEY (from_id, to_id, relation)
                );
                """)
            // Nothing kept is ever changed or removed: a new version is a new row.
            for table in ["journal", "record", "record_version", "record_link"] {
                for operation in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_refuses_\(operation.lowercased()) BEFORE \(operation) ON \(table)
                        BEGIN SELECT RAISE(ABORT, 'the register is append-only: \(table) rows are never changed or removed'); END
                        """)
                }
            }
        }
        // The kinds of record are declared by plugins (a council's own plugin may add one), so the
        // schema no longer lists them. SQLite cannot drop a CHECK in place: the table is rebuilt,
        // its rows copied as they are, with the append-only triggers set again around it.
        migrator.registerMigration("v2-record-kinds-declared-by-plugins") { db in
            try db.execute(sql: """
                DROP TRIGGER record_refuses_update;
                DROP TRIGGER record_refuses_delete;
                CREATE TABLE record_v2 (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind <> ''),
                    year INTEGER NOT NULL,
                    serial INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (kind, year, serial)
                );
                INSERT INTO record_v2 (id, kind, year, serial, created_at) SELECT id, kind, year, serial, created_at FROM record;
                DROP TABLE record;
                ALTER TABLE record_v2 RENAME TO record;
                """)
            for operation in ["UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER record_refuses_\(operation.lowercased()) BEFORE \(operation) ON record
                    BEGIN SELECT RAISE(ABORT, 'the register is append-only: record rows are never changed or removed'); END
                    """)
            }
        }
        // A version may record a lifecycle step (a review, a sign-off, a withdrawal): who, in
        // which role, why. Covered by the version's content hash whenever it is present.
        migrator.registerMigration("v3-lifecycle-steps") { db in
            try db.execute(sql: "ALTER TABLE record_version ADD COLUMN step TEXT")
        }
        // The register is listed oldest record first, a page at a time: with the records in that
        // order already, a page reads its own rows instead of sorting every record's latest version.
        migrator.registerMigration("v4-records-in-list-order") { db in
            try db.execute(sql: "CREATE INDEX record_list_order ON record(created_at, id)")
        }
        return migrator
    }
}
