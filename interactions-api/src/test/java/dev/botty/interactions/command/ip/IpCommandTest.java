package dev.botty.interactions.command.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.InteractionPoster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ip} through the real endpoint: who may see the address (owner anywhere, the allowed
 * role in a guild, nobody when neither is configured), and how the address is found (services in
 * order with fallback, answers validated, a short shared cache). The look-up services are
 * stand-ins on loopback answering like ipify and icanhazip.
 */
class IpCommandTest {
    private static final String OWNER = "1200000000000000001";
    private static final String MEMBER = "1200000000000000002";
    private static final String GUILD = "1000000000000000001";
    private static final String ROLE = "1000000000000000050";
    private static final String OTHER_ROLE = "1000000000000000051";
    private static final String IPV4 = "203.0.113.7";
    private static final String SECOND_IPV4 = "198.51.100.23";
    private static final String IPV6 = "2001:db8:85a3::8a2e:370:7334";
    private static final Pattern ANY_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,}");

    private static FixtureServer services;
    private static TestApp gated;

    @BeforeAll
    static void start() {
        services = FixtureServer.start();
        gated = TestApp.start(Map.of(
                "OWNER_ID", OWNER,
                "ALLOWED_ROLE_ID", ROLE,
                "IP_LOOKUP_URLS", services.url() + "/v4",
                "IP_CACHE_SECONDS", "0"));
    }

    @AfterAll
    static void stop() {
        gated.close();
        services.close();
    }

    @BeforeEach
    void answerLikeIpify() {
        services.answer("/v4", Answer.textFixture("ip/ipify-v4.txt"));
    }

    @AfterEach
    void forget() {
        services.forgetRequests();
    }

    private static String content(TestApp app, InteractionBuilder interaction) {
        return content(app.post(interaction));
    }

    private static String content(JsonNode answer) {
        assertEquals(4, answer.path("type").asInt(), "inline: " + answer);
        assertEquals(64, answer.path("data").path("flags").asInt(), "ephemeral: " + answer);
        return answer.path("data").path("content").asText();
    }

    private static void assertRefused(String content) {
        assertEquals(IpCommand.REFUSAL, content);
        assertFalse(ANY_ADDRESS.matcher(content).find(), "a refusal shows no address: " + content);
    }

    private static TestApp app(Map<String, String> env) {
        return TestApp.start(env);
    }

    @Test
    void showsTheAddressToTheOwnerInAGuild() {
        String content = content(gated, InteractionBuilder.command("ip").inGuild(GUILD).by(OWNER, "owner"));
        assertTrue(content.startsWith("🌐 Public IPv4: `" + IPV4 + "`\n"), content);
    }

    @Test
    void showsTheAddressToTheOwnerInTheBotsDm() {
        assertTrue(content(gated, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(IPV4));
    }

    @Test
    void showsTheAddressToTheOwnerInAPrivateChannel() {
        assertTrue(content(gated, InteractionBuilder.command("ip").inPrivateChannel().by(OWNER, "owner")).contains(IPV4));
    }

    @Test
    void showsTheAddressToMembersWithTheAllowedRole() {
        assertTrue(content(gated, InteractionBuilder.command("ip").inGuild(GUILD, OTHER_ROLE, ROLE).by(MEMBER, "member")).contains(IPV4));
    }

    @Test
    void refusesIpToMembersWithoutTheRole() {
        assertRefused(content(gated, InteractionBuilder.command("ip").inGuild(GUILD, OTHER_ROLE).by(MEMBER, "member")));
        assertTrue(services.requests().isEmpty(), "a refused caller causes no look-up");
    }

    @Test
    void refusesIpToOthersInDms() {
        assertRefused(content(gated, InteractionBuilder.command("ip").inBotDm().by(MEMBER, "member")));
        assertRefused(content(gated, InteractionBuilder.command("ip").inPrivateChannel().by(MEMBER, "member")));
    }

    @Test
    void doesNotCountARoleSentWithADm() {
        // Discord never sends a member outside a guild; a payload that does must not unlock /ip.
        ObjectNode dm = InteractionBuilder.command("ip").inBotDm().by(MEMBER, "member").toNode();
        dm.putObject("member").putArray("roles").add(ROLE);
        InteractionPoster.Answer answer = gated.postRaw(dm.toString());
        assertEquals(200, answer.status());
        assertRefused(content(TestApp.json(answer.body())));
        assertTrue(services.requests().isEmpty());
    }

    @Test
    void refusesEveryoneWhenNeitherOwnerNorRoleIsConfigured() {
        try (TestApp open = app(Map.of("IP_LOOKUP_URLS", services.url() + "/v4"))) {
            assertRefused(content(open, InteractionBuilder.command("ip").inGuild(GUILD).by(OWNER, "owner")));
            assertRefused(content(open, InteractionBuilder.command("ip").inGuild(GUILD, ROLE).by(MEMBER, "member")));
            assertRefused(content(open, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")));
            assertRefused(content(open, InteractionBuilder.command("ip").inPrivateChannel().by(MEMBER, "member")));
        }
        assertTrue(services.requests().isEmpty());
    }

    @Test
    void fallsBackToTheSecondServiceWhenTheFirstFails() {
        services.answer("/first", Answer.text("upstream down").withStatus(503))
                .answer("/second", Answer.textFixture("ip/icanhazip-v4.txt"));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/first," + services.url() + "/second"))) {
            String content = content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner"));
            assertTrue(content.startsWith("🌐 Public IPv4: `" + SECOND_IPV4 + "`\n"), content);
        }
        assertEquals(List.of("/first", "/second"), services.requests().stream().map(FixtureServer.Request::path).toList());
    }

    @Test
    void fallsBackWhenTheFirstServiceIsUnreachable() {
        services.answer("/second", Answer.textFixture("ip/icanhazip-v4.txt"));
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", "http://127.0.0.1:9/ip," + services.url() + "/second"))) {
            assertTrue(content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(SECOND_IPV4));
        }
    }

    @Test
    void fallsBackToTheSecondServiceWhenTheFirstAnswersGarbage() {
        services.answer("/first", Answer.textFixture("ip/captive-portal.html"))
                .answer("/second", Answer.textFixture("ip/icanhazip-v4.txt"));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/first," + services.url() + "/second"))) {
            String content = content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner"));
            assertTrue(content.contains(SECOND_IPV4), content);
            assertFalse(content.contains("<"), "nothing of the garbage is shown: " + content);
        }
    }

    @Test
    void skipsAServiceThatDoesNotAnswerInTime() {
        services.answer("/slow", Answer.textFixture("ip/ipify-v4.txt").after(Duration.ofSeconds(3)))
                .answer("/second", Answer.textFixture("ip/icanhazip-v4.txt"));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "OUTBOUND_TIMEOUT_MS", "200",
                "IP_LOOKUP_URLS", services.url() + "/slow," + services.url() + "/second"))) {
            assertTrue(content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(SECOND_IPV4));
        }
    }

    @Test
    void saysPlainlyWhenEveryServiceFails() {
        services.answer("/first", Answer.text("10.0.0.1"))
                .answer("/second", Answer.text("").withStatus(500));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/first," + services.url() + "/second"))) {
            assertEquals(IpCommand.NOTHING_FOUND, content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")));
        }
    }

    @Test
    void reusesAFoundAddressWithinTheCacheTime() {
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/v4", "IP_CACHE_SECONDS", "60"))) {
            assertTrue(content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(IPV4));
            assertTrue(content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(IPV4));
        }
        assertEquals(1, services.requests("/v4").size(), "the second call does not ask the service");
    }

    @Test
    void asksAgainAfterAFailedLookUp() {
        services.answer("/v4", Answer.text("").withStatus(503));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/v4", "IP_CACHE_SECONDS", "60"))) {
            assertEquals(IpCommand.NOTHING_FOUND, content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")));
            services.answer("/v4", Answer.textFixture("ip/ipify-v4.txt"));
            assertTrue(content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner")).contains(IPV4));
        }
        assertEquals(2, services.requests("/v4").size());
    }

    @Test
    void concurrentCallersShareOneLookUp() throws Exception {
        services.answer("/v4", Answer.textFixture("ip/ipify-v4.txt").after(Duration.ofSeconds(1)));
        // No cache: only sharing the look-up in flight keeps this to one request.
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/v4", "IP_CACHE_SECONDS", "0",
                "INLINE_BUDGET_MS", "2500"));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner"))));
            }
            for (Future<String> call : calls) {
                assertTrue(call.get().contains(IPV4));
            }
        }
        assertEquals(1, services.requests("/v4").size(), "one request for four callers");
    }

    @Test
    void showsTheIpv6AddressWhenThereIsOne() {
        services.answer("/v6", Answer.textFixture("ip/ipify-v6.txt"));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/v4", "IP6_LOOKUP_URLS", services.url() + "/v6"))) {
            String content = content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner"));
            assertEquals("🌐 Public IPv4: `" + IPV4 + "`\n🌐 Public IPv6: `" + IPV6 + "`", content);
        }
    }

    @Test
    void saysSoWhenThereIsNoIpv6() {
        services.answer("/v6", Answer.text("").withStatus(502));
        try (TestApp app = app(Map.of("OWNER_ID", OWNER, "IP_LOOKUP_URLS", services.url() + "/v4", "IP6_LOOKUP_URLS", services.url() + "/v6"))) {
            String content = content(app, InteractionBuilder.command("ip").inBotDm().by(OWNER, "owner"));
            assertEquals("🌐 Public IPv4: `" + IPV4 + "`\n🌐 Public IPv6: none found", content);
        }
    }

    @Test
    void isUserInstallableAndWorksInEveryContext() {
        var definition = gated.context().getBean(IpCommand.class).definition();
        assertEquals(List.of(0, 1), definition.integrationTypes());
        assertEquals(List.of(0, 1, 2), definition.contexts());
    }
}
