package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class CardsTest {
    private static QueuedTrack track(String title, long length) {
        return new QueuedTrack("enc-" + title, title, "Band", "https://example.com/" + title.length(), length, true, "youtube", 1L);
    }

    @ParameterizedTest
    @CsvSource({"0,0:00", "59999,0:59", "90000,1:30", "3600000,1:00:00", "3723000,1:02:03", "-5,0:00"})
    void timesReadLikeAPlayer(long ms, String shown) {
        assertEquals(shown, Cards.time(ms));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"90|90000", "1:30|90000", "1:02:03|3723000", "0|0", " 2:05 |125000",
        "1:60|-1", "1:2:3:4|-1", "abc|-1", "|-1", "-5|-1", "1:5|65000"})
    void seekTimesParse(String text, long ms) {
        assertEquals(ms, Cards.parseTime(text == null ? "" : text));
    }

    @Test
    void durationsReadLikeSpeech() {
        assertEquals("10 minutes", Cards.duration(Duration.ofMinutes(10).toMillis()));
        assertEquals("1 minute", Cards.duration(60_000));
        assertEquals("30 seconds", Cards.duration(30_000));
        assertEquals("90 seconds", Cards.duration(90_000));
    }

    @Test
    void titlesCannotFormatOrLink() {
        assertEquals("\\*\\*bold\\*\\* \\[x\\]\\(https://evil\\)", Cards.escape("**bold** [x](https://evil)"));
    }

    @Test
    void theProgressBarMovesWithThePosition() {
        QueuedTrack song = track("Song", 200_000);
        assertTrue(Cards.progress(song, 0).startsWith("`🔘▬"), Cards.progress(song, 0));
        assertTrue(Cards.progress(song, 199_000).contains("▬🔘`"), Cards.progress(song, 199_000));
        assertTrue(Cards.progress(song, 100_000).endsWith("1:40 / 3:20"));
        assertEquals("🔴 live · 0:05", Cards.progress(track("Radio", 0), 5_000));
    }

    @Test
    void theQueueIsPagedTenAtATime() {
        List<QueuedTrack> queue = IntStream.rangeClosed(1, 25).mapToObj(i -> track("T" + i, 60_000)).toList();
        var first = Cards.queuePage(track("Now", 100_000), 0, false, queue, 1, LoopMode.OFF, 100, false);
        assertTrue(first.description().contains("`1.` [T1]"));
        assertTrue(first.description().contains("`10.` [T10]"));
        assertTrue(!first.description().contains("`11.`"));
        assertEquals("Page 1/3 · 25 tracks · 25:00 · loop off · volume 100%", first.footer());
        var last = Cards.queuePage(track("Now", 100_000), 0, true, queue, 3, LoopMode.QUEUE, 80, true);
        assertTrue(last.description().startsWith("⏸️ "));
        assertTrue(last.description().contains("`25.` [T25]"));
        assertEquals("Page 3/3 · 25 tracks · 25:00 · loop queue · volume 80% · autoplay on", last.footer());
        var empty = Cards.queuePage(track("Now", 100_000), 0, false, List.of(), 1, LoopMode.OFF, 100, true);
        assertTrue(empty.description().endsWith("The queue is empty: autoplay picks what comes next."), empty.description());
    }
}
