package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.botty.voice.queue.QueuedTrack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/** The compact track gives back exactly what it was given, and compares like a record. */
class QueuedTrackTest {
    private static final String NEVER_GONNA = "QAAAjQIAJVJpY2sgQXN0bGV5IC0gTmV2ZXIgR29ubmEgR2l2ZSBZb3UgVXAADlJpY2tBc3RsZXlWRVZPAAAAAAADPCAAC2RRdzR3OVdnWGNRAAEAK2h0dHBzOi8vd3d3LnlvdXR1YmUuY29tL3dhdGNoP3Y9ZFF3NHc5V2dYY1EAB3lvdXR1YmUAAAAAAAAAAA==";

    private static QueuedTrack track(String encoded) {
        return new QueuedTrack(encoded, "Rick Astley - Never Gonna Give You Up", "RickAstleyVEVO",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", 212_000, true, "youtube", 80351110224678912L);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEVER_GONNA, "", "YWJj", "YWI=", "YQ==", "YWJ", "YWI", "enc-Title", "botty-simulator:youtube:x", "YW Jj", "YWJj\n", "ü"})
    void givesBackTheEncodedTrackExactly(String encoded) {
        assertEquals(encoded, track(encoded).encoded());
    }

    @Test
    void givesBackEveryField() {
        QueuedTrack track = new QueuedTrack(NEVER_GONNA, "Ünïcödé 音楽 🎵", "Sigur Rós", "https://example.com/ü?x=1", 0, false, "soundcloud", -7);

        assertEquals("Ünïcödé 音楽 🎵", track.title());
        assertEquals("Sigur Rós", track.author());
        assertEquals("https://example.com/ü?x=1", track.uri());
        assertEquals(0, track.lengthMs());
        assertTrue(track.stream());
        assertFalse(track.seekable());
        assertEquals("soundcloud", track.sourceName());
        assertEquals(-7, track.requesterId());
    }

    @Test
    void tellsNoUriFromAnEmptyOne() {
        QueuedTrack none = new QueuedTrack("x", "t", "a", null, 1, true, "http", 1);
        QueuedTrack empty = new QueuedTrack("x", "t", "a", "", 1, true, "http", 1);

        assertNull(none.uri());
        assertEquals("", empty.uri());
        assertEquals("a", none.author());
        assertNotEquals(none, empty);
    }

    @Test
    void equalWhenEveryFieldIsEqual() {
        assertEquals(track(NEVER_GONNA), track(NEVER_GONNA));
        assertEquals(track(NEVER_GONNA).hashCode(), track(NEVER_GONNA).hashCode());
        QueuedTrack base = track(NEVER_GONNA);
        List<QueuedTrack> others = List.of(
                track("YWJj"),
                new QueuedTrack(NEVER_GONNA, "Other", base.author(), base.uri(), base.lengthMs(), true, "youtube", base.requesterId()),
                // The same bytes split differently between title and author.
                new QueuedTrack(NEVER_GONNA, base.title() + "R", "ickAstleyVEVO", base.uri(), base.lengthMs(), true, "youtube", base.requesterId()),
                new QueuedTrack(NEVER_GONNA, base.title(), base.author(), null, base.lengthMs(), true, "youtube", base.requesterId()),
                new QueuedTrack(NEVER_GONNA, base.title(), base.author(), base.uri(), 1, true, "youtube", base.requesterId()),
                new QueuedTrack(NEVER_GONNA, base.title(), base.author(), base.uri(), base.lengthMs(), false, "youtube", base.requesterId()),
                new QueuedTrack(NEVER_GONNA, base.title(), base.author(), base.uri(), base.lengthMs(), true, "soundcloud", base.requesterId()),
                new QueuedTrack(NEVER_GONNA, base.title(), base.author(), base.uri(), base.lengthMs(), true, "youtube", 1));
        for (QueuedTrack other : others) {
            assertNotEquals(base, other, other.toString());
        }
    }

    @Test
    void sharesTheNameOfAKnownSource() {
        assertSame(track(NEVER_GONNA).sourceName(), new QueuedTrack("x", "t", "a", null, 1, true, new String("youtube"), 1).sourceName());
        assertEquals("a-plugin", new QueuedTrack("x", "t", "a", null, 1, true, "a-plugin", 1).sourceName());
    }

    @Test
    void printsWithoutTheEncodedTrack() {
        String printed = track(NEVER_GONNA).toString();

        assertTrue(printed.contains("title=Rick Astley - Never Gonna Give You Up"), printed);
        assertFalse(printed.contains(NEVER_GONNA), printed);
    }
}
