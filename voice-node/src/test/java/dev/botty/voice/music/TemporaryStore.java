package dev.botty.voice.music;

import dev.botty.voice.store.MusicStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SCRATCH: never committed; stands in until the SQLite store lands. */
final class TemporaryStore implements MusicStore {
    static final Map<Path, Map<Long, GuildSnapshot>> FILES = new ConcurrentHashMap<>();
    private final Map<Long, GuildSnapshot> map;

    TemporaryStore(java.nio.file.Path path) {
        map = FILES.computeIfAbsent(new Path(path.toString()), p -> new ConcurrentHashMap<>());
    }

    record Path(String p) {}

    public void save(GuildSnapshot s) { map.put(s.guildId(), s); }
    public void savePosition(long g, long p) { map.computeIfPresent(g, (k, s) -> new GuildSnapshot(s.guildId(), s.voiceChannelId(), s.textChannelId(), s.nowPlayingMessageId(), s.current(), p, s.paused(), s.queue(), s.loop(), s.volume())); }
    public Optional<GuildSnapshot> load(long g) { return Optional.ofNullable(map.get(g)); }
    public List<GuildSnapshot> loadActive() { return map.values().stream().filter(GuildSnapshot::active).toList(); }
    public void close() {}
}
