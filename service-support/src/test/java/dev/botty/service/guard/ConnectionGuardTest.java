package dev.botty.service.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionGuard} on a real Micronaut server with small limits: each way a client is cut
 * off, and that what a well-behaved client sends is never touched.
 */
class ConnectionGuardTest {
    private static final int BUDGET = 128 * 1024;

    private EmbeddedServer server;
    private int management;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            management = free.getLocalPort();
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("guard-test", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("endpoints.all.port", management);
        properties.put("endpoints.healthz.enabled", true);
        properties.put("botty.server.request-timeout", "1s");
        properties.put("botty.server.unfinished-bytes", BUDGET);
        properties.put("micronaut.server.max-request-size", BUDGET);
        properties.put("botty.server.max-connections", 3);
        properties.put("botty.server.management-max-connections", 1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawConnection connect() throws IOException {
        return new RawConnection(server.getPort());
    }

    @Test
    void answersWholeRequestsAndCountsNothingForThem() throws IOException {
        try (RawConnection client = connect()) {
            // Larger than one read: counted while it arrives, given back when it is whole.
            byte[] body = new byte[60_000];
            client.send(RawConnection.post("/echo", body.length)).send(body);
            assertEquals(new RawConnection.Answer(200, "got 60000"), client.read());
            client.send(RawConnection.post("/echo", 2)).send("{}");
            assertEquals("got 2", client.read().body());
            assertEquals(0, budget().total());
        }
    }

    @Test
    void answers408AndClosesWhenAHeadDoesNotArriveInTime() throws IOException {
        try (RawConnection client = connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: te");
            RawConnection.Answer answer = client.read();
            assertEquals(408, answer.status());
            assertTrue(answer.body().contains("did not arrive within 1000 ms"), answer.body());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void hasMicronautAnswer408WhenABodyDoesNotArriveInTime() throws Exception {
        try (RawConnection client = connect()) {
            client.send(RawConnection.post("/echo", 1_000)).send(new byte[10]);
            RawConnection.Answer answer = client.read();
            assertEquals(408, answer.status());
            assertEquals("{\"error\":\"the request did not arrive within 1000 ms\"}", answer.body());
            assertTrue(client.closedByServer());
        }
        awaitHeld(0);
    }

    @Test
    void cutsOffTheLargestUnfinishedBodyToLetAnotherIn() throws Exception {
        try (RawConnection hoarder = connect(); RawConnection sender = connect()) {
            hoarder.send(RawConnection.post("/echo", 120_000)).send(new byte[80_000]);
            awaitHeld(80_000);
            // 80 KB held and 60 KB more arriving: past the 128 KB budget, so the largest holder goes.
            sender.send(RawConnection.post("/echo", 100_000)).send(new byte[60_000]);
            assertTrue(hoarder.closedByServer(), "the largest holder is cut off");
            sender.send(new byte[40_000]);
            assertEquals("got 100000", sender.read().body());
        }
    }

    @Test
    void refusesWith503TheRequestThatWouldHoldTheMost() throws Exception {
        try (RawConnection holder = connect(); RawConnection greedy = connect()) {
            holder.send(RawConnection.post("/echo", 60_000)).send(new byte[40_000]);
            awaitHeld(40_000);
            greedy.send(RawConnection.post("/echo", 120_000)).send(new byte[100_000]);
            RawConnection.Answer refused = greedy.read();
            assertEquals(503, refused.status());
            assertTrue(greedy.closedByServer());
            holder.send(new byte[20_000]);
            assertEquals("got 60000", holder.read().body());
        }
    }

    @Test
    void closesTheConnectionIdleLongestToLetANewOneIn() throws Exception {
        try (RawConnection oldest = connect(); RawConnection second = connect(); RawConnection third = connect()) {
            oldest.send(RawConnection.post("/echo", 1)).send("x");
            assertEquals(200, oldest.read().status());
            second.send(RawConnection.post("/echo", 1)).send("x");
            assertEquals(200, second.read().status());
            third.send(RawConnection.post("/echo", 1)).send("x");
            assertEquals(200, third.read().status());
            try (RawConnection fourth = connect()) {
                fourth.send(RawConnection.post("/echo", 1)).send("x");
                assertEquals(200, fourth.read().status());
                assertTrue(oldest.closedByServer(), "the stalest connection made room");
                assertFalse(second.isClosedNow());
                assertFalse(third.isClosedNow());
            }
        }
    }

    @Test
    void neverClosesAConnectionWaitingForItsAnswer() throws Exception {
        try (RawConnection waiting = connect(); RawConnection b = connect(); RawConnection c = connect()) {
            for (RawConnection busy : new RawConnection[] {waiting, b, c}) {
                busy.send(RawConnection.post("/slow", 1)).send("x");
            }
            Thread.sleep(300);
            try (RawConnection newcomer = connect()) {
                assertTrue(newcomer.closedByServer(), "no room while every connection waits for an answer");
            }
            assertEquals("late 1", waiting.read().body());
        }
    }

    @Test
    void limitsTheManagementPortOnItsOwn() throws Exception {
        try (RawConnection first = new RawConnection(management)) {
            first.send("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, first.read().status());
            try (RawConnection second = new RawConnection(management); RawConnection service = connect()) {
                second.send("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
                assertEquals(200, second.read().status());
                assertTrue(first.closedByServer(), "one management connection at a time");
                service.send(RawConnection.post("/echo", 1)).send("x");
                assertEquals(200, service.read().status());
            }
        }
    }

    @Test
    void refusesABudgetSmallerThanTheLargestBodyTheServerTakes() {
        assertThrows(RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "botty.server.unfinished-bytes", "64KB", "micronaut.server.max-request-size", "256KB")).close());
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThrows(BeanInstantiationException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("botty.server.max-connections", 0))) {
                context.getBean(ServerLimits.class);
            }
        });
    }

    private UnfinishedBytes budget() {
        return server.getApplicationContext().getBean(ConnectionGuard.class).budget();
    }

    /** Waits until the budget holds at least {@code bytes}, or, for 0, nothing. */
    private void awaitHeld(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((bytes == 0 ? budget().total() != 0 : budget().total() < bytes) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(bytes == 0 ? budget().total() == 0 : budget().total() >= bytes, "held " + budget().total());
    }
}
