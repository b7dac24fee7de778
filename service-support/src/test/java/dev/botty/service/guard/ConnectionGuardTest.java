package dev.botty.service.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.RawHttpConnection;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
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
        management = LoopbackPorts.free();
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

    private RawHttpConnection connect() throws IOException {
        return RawHttpConnection.open("127.0.0.1", server.getPort(), 10_000);
    }

    /** The head of a POST announcing {@code length} body bytes. */
    private static String post(String path, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n\r\n";
    }

    @Test
    void answersWholeRequestsAndCountsNothingForThem() throws IOException {
        try (RawHttpConnection client = connect()) {
            // Larger than one read: counted while it arrives, given back when it is whole.
            byte[] body = new byte[60_000];
            client.send(post("/echo", body.length)).send(body);
            RawHttpConnection.Response whole = client.read();
            assertEquals(200, whole.status());
            assertEquals("got 60000", whole.body());
            client.send(post("/echo", 2)).send("{}");
            assertEquals("got 2", client.read().body());
            assertEquals(0, budget().total());
        }
    }

    @Test
    void answers408AndClosesWhenAHeadDoesNotArriveInTime() throws IOException {
        try (RawHttpConnection client = connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: te");
            RawHttpConnection.Response answer = client.read();
            assertEquals(408, answer.status());
            assertTrue(answer.body().contains("did not arrive within 1000 ms"), answer.body());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void hasMicronautAnswer408WhenABodyDoesNotArriveInTime() throws Exception {
        try (RawHttpConnection client = connect()) {
            client.send(post("/echo", 1_000)).send(new byte[10]);
            RawHttpConnection.Response answer = client.read();
            assertEquals(408, answer.status());
            assertEquals("{\"error\":\"the request did not arrive within 1000 ms\"}", answer.body());
            assertTrue(client.closedByServer());
        }
        awaitHeld(0);
    }

    @Test
    void cutsOffTheLargestUnfinishedBodyToLetAnotherIn() throws Exception {
        try (RawHttpConnection hoarder = connect(); RawHttpConnection sender = connect()) {
            hoarder.send(post("/echo", 120_000)).send(new byte[80_000]);
            awaitHeld(80_000);
            // 80 KB held and 60 KB more arriving: past the 128 KB budget, so the largest holder goes.
            sender.send(post("/echo", 100_000)).send(new byte[60_000]);
            assertTrue(hoarder.closedByServer(), "the largest holder is cut off");
            sender.send(new byte[40_000]);
            assertEquals("got 100000", sender.read().body());
        }
    }

    @Test
    void refusesWith503TheRequestThatWouldHoldTheMost() throws Exception {
        try (RawHttpConnection holder = connect(); RawHttpConnection greedy = connect()) {
            holder.send(post("/echo", 60_000)).send(new byte[40_000]);
            awaitHeld(40_000);
            greedy.send(post("/echo", 120_000)).send(new byte[100_000]);
            RawHttpConnection.Response refused = greedy.read();
            assertEquals(503, refused.status());
            assertTrue(greedy.closedByServer());
            holder.send(new byte[20_000]);
            assertEquals("got 60000", holder.read().body());
        }
    }

    @Test
    void closesTheConnectionIdleLongestToLetANewOneIn() throws Exception {
        try (RawHttpConnection oldest = connect(); RawHttpConnection second = connect(); RawHttpConnection third = connect()) {
            oldest.send(post("/echo", 1)).send("x");
            assertEquals(200, oldest.read().status());
            second.send(post("/echo", 1)).send("x");
            assertEquals(200, second.read().status());
            third.send(post("/echo", 1)).send("x");
            assertEquals(200, third.read().status());
            try (RawHttpConnection fourth = connect()) {
                fourth.send(post("/echo", 1)).send("x");
                assertEquals(200, fourth.read().status());
                assertTrue(oldest.closedByServer(), "the stalest connection made room");
                assertFalse(second.closedWithin(200));
                assertFalse(third.closedWithin(200));
            }
        }
    }

    @Test
    void neverClosesAConnectionWaitingForItsAnswer() throws Exception {
        try (RawHttpConnection waiting = connect(); RawHttpConnection b = connect(); RawHttpConnection c = connect()) {
            for (RawHttpConnection busy : new RawHttpConnection[] {waiting, b, c}) {
                busy.send(post("/slow", 1)).send("x");
            }
            Thread.sleep(300);
            try (RawHttpConnection newcomer = connect()) {
                assertTrue(newcomer.closedByServer(), "no room while every connection waits for an answer");
            }
            assertEquals("late 1", waiting.read().body());
        }
    }

    @Test
    void limitsTheManagementPortOnItsOwn() throws Exception {
        try (RawHttpConnection first = RawHttpConnection.open("127.0.0.1", management, 10_000)) {
            first.send("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, first.read().status());
            try (RawHttpConnection second = RawHttpConnection.open("127.0.0.1", management, 10_000); RawHttpConnection service = connect()) {
                second.send("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
                assertEquals(200, second.read().status());
                assertTrue(first.closedByServer(), "one management connection at a time");
                service.send(post("/echo", 1)).send("x");
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
