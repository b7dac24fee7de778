-- What each guild played lately, newest last: /history lists it, /previous plays from it. The
-- store keeps the last 50 per guild (MusicStore.HISTORY) and deletes older rows as it adds.
CREATE TABLE played (
    guild_id     INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),  -- 1, 2, … per guild, in the order played
    played_at    INTEGER NOT NULL,                  -- epoch milliseconds
    encoded      TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    author       TEXT    NOT NULL,
    uri          TEXT,
    length_ms    INTEGER NOT NULL,
    seekable     INTEGER NOT NULL CHECK (seekable IN (0, 1)),
    source_name  TEXT    NOT NULL,
    requester_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, seq)
) STRICT, WITHOUT ROWID;
