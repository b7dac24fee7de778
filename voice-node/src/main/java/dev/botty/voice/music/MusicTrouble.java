package dev.botty.voice.music;

/** Where the music reports what went wrong for people to see (the status page's last errors). */
@FunctionalInterface
public interface MusicTrouble {
    void report(String message);
}
