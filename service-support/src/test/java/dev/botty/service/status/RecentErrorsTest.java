package dev.botty.service.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.botty.internal.NodeStatus.RecentError;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentErrorsTest {
    private final AtomicLong second = new AtomicLong();
    private final RecentErrors errors = new RecentErrors(() -> Instant.ofEpochSecond(second.incrementAndGet()));

    @Test
    void keepsTheNewestFirstAndDropsTheOldestPastTheLimit() {
        for (int i = 1; i <= RecentErrors.KEPT + 5; i++) {
            errors.record("failure " + i);
        }
        List<RecentError> kept = errors.list();
        assertEquals(RecentErrors.KEPT, kept.size());
        assertEquals("failure " + (RecentErrors.KEPT + 5), kept.get(0).message());
        assertEquals("failure 6", kept.get(kept.size() - 1).message());
        assertEquals(Instant.ofEpochSecond(RecentErrors.KEPT + 5), kept.get(0).at());
    }

    @Test
    void clipsALongMessage() {
        errors.record("x".repeat(1_000));
        String message = errors.list().get(0).message();
        assertEquals(RecentErrors.MESSAGE_LIMIT, message.length());
        assertEquals('…', message.charAt(message.length() - 1));
    }
}
