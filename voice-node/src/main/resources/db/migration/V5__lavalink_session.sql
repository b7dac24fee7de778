-- The Lavalink session each node had when the voice node stopped, so the next process resumes it
-- and the players that kept playing meanwhile go on without a gap.
CREATE TABLE lavalink_session (
    node       TEXT PRIMARY KEY,  -- the Lavalink node's name (host:port)
    session_id TEXT NOT NULL
) STRICT;
