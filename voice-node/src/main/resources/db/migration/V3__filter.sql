-- The sound filter a guild chose with /filter (FilterPreset's keys), a setting kept like loop and
-- volume and given to Lavalink again with every track, so it survives a restart.
ALTER TABLE guild ADD COLUMN filter TEXT NOT NULL DEFAULT 'off'
    CHECK (filter IN ('off', 'bassboost', 'nightcore', 'vaporwave', '8d', 'karaoke'));
