package dev.botty.benchmarks;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Queues shaped like the ones a voice node holds: YouTube tracks whose {@code encoded} form is
 * what Lavalink 4 hands out (Lavaplayer's track message, version 3: title, author, length,
 * identifier, stream flag, uri, artwork url, ISRC, source, position; about 290 Base64
 * characters), titles of about 40 characters, {@code https://www.youtube.com/watch?v=} uris
 * (43 characters), each track with its own strings as they come off the wire. Seeded: every run
 * builds the same tracks.
 */
final class RealisticTracks {
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String[] WORDS = {"Night", "Drive", "Summer", "Lights", "Echo", "Heart", "River", "Golden", "Static", "Dream",
        "Fire", "Ocean", "Midnight", "City", "Paper", "Ghost", "Velvet", "Neon", "Silver", "Thunder"};

    private final Random random;

    RealisticTracks(long seed) {
        this.random = new Random(seed);
    }

    QueuedTrack track() {
        String id = identifier();
        String author = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " Band";
        String title = title(author);
        String uri = "https://www.youtube.com/watch?v=" + id;
        long length = 120_000 + random.nextInt(300_000);
        String encoded = encode(title, author, length, id, uri, "https://i.ytimg.com/vi/" + id + "/maxresdefault.jpg", isrc(), "youtube");
        // new String: the source name as each decoded JSON object has it, not a shared literal.
        return new QueuedTrack(encoded, title, author, uri, length, true, new String("youtube".toCharArray()),
                80351110224678912L + random.nextInt(50));
    }

    List<QueuedTrack> queue(int size) {
        List<QueuedTrack> queue = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            queue.add(track());
        }
        return queue;
    }

    /** A guild playing a track 1 minute in, with {@code queued} tracks after it. */
    GuildSnapshot playingGuild(long guildId, int queued) {
        return new GuildSnapshot(guildId, guildId + 1, guildId + 2, guildId + 3, track(), 60_000, false, queue(queued), LoopMode.OFF, 100);
    }

    private String identifier() {
        StringBuilder id = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /** "Author - Two Words (Official Video)", cut to at most 40 characters (most are 35 to 40). */
    private String title(String author) {
        String title = author.replace(" Band", "") + " - " + WORDS[random.nextInt(WORDS.length)] + " "
                + WORDS[random.nextInt(WORDS.length)] + " (Official Video)";
        return title.length() > 40 ? title.substring(0, 40) : title;
    }

    private String isrc() {
        return "GB" + "ARL" + (10 + random.nextInt(90)) + (10_000 + random.nextInt(90_000));
    }

    /** Lavaplayer's encoding: a 4-byte header (flags in the top two bits, then the size) and the message. */
    static String encode(String title, String author, long length, String identifier, String uri, String artworkUrl, String isrc,
                         String source) {
        try {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(message);
            out.writeByte(3);
            out.writeUTF(title);
            out.writeUTF(author);
            out.writeLong(length);
            out.writeUTF(identifier);
            out.writeBoolean(false);
            writeNullable(out, uri);
            writeNullable(out, artworkUrl);
            writeNullable(out, isrc);
            out.writeUTF(source);
            out.writeLong(0);
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            DataOutputStream frame = new DataOutputStream(framed);
            frame.writeInt(message.size() | (1 << 30));
            message.writeTo(frame);
            return Base64.getEncoder().encodeToString(framed.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }
}
