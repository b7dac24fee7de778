package dev.botty.interactions.command.joke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.interactions.command.FixtureServer;
import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.simulator.InteractionBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /joke} through the real endpoint against a JokeAPI stand-in serving docs-shaped answers:
 * both joke types, the category and safety filters in the request, and a bundled joke whenever
 * JokeAPI errs, answers nonsense, tells something flagged, or is slower than {@code JOKE_TIMEOUT_MS}.
 */
class JokeCommandTest {
    private static final long JOKE_TIMEOUT_MS = 400;
    private static final Set<String> ALL_FLAGS = Set.of("nsfw", "religious", "political", "racist", "sexist", "explicit");

    private static FixtureServer jokeApi;
    private static TestApp app;

    @BeforeAll
    static void start() {
        jokeApi = FixtureServer.start();
        app = TestApp.start(Map.of("JOKE_API_URL", jokeApi.url(), "JOKE_TIMEOUT_MS", Long.toString(JOKE_TIMEOUT_MS)));
    }

    @AfterAll
    static void stop() {
        app.close();
        jokeApi.close();
    }

    @AfterEach
    void forget() {
        jokeApi.forgetRequests();
    }

    private static String tell(InteractionBuilder interaction) {
        JsonNode answer = app.post(interaction);
        assertEquals(4, answer.path("type").asInt(), "always inline: " + answer);
        assertEquals(64, answer.path("data").path("flags").asInt(), "ephemeral: " + answer);
        return answer.path("data").path("content").asText();
    }

    private static List<String> bundled(String category) {
        return app.context().getBean(BundledJokes.class).all().stream()
                .filter(j -> category == null || category.equals(j.category()))
                .map(Joke::text)
                .toList();
    }

    @Test
    void tellsASingleJoke() {
        jokeApi.answer("/joke/Any", Answer.json("jokeapi/single.json"));
        assertEquals("💻 The best thing about a boolean is that even when you are wrong, you are only off by a bit.",
                tell(InteractionBuilder.command("joke")));
    }

    @Test
    void tellsATwoPartJokeWithThePunchlineBehindASpoiler() {
        jokeApi.answer("/joke/Pun", Answer.json("jokeapi/twopart.json"));
        assertEquals("🥁 What did the router say to the doctor?\n||It hurts when IP.||",
                tell(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Pun")));
    }

    @Test
    void asksForTheChosenCategoryInSafeModeWithEveryFlagBlacklisted() {
        jokeApi.answer("/joke/Christmas", Answer.json("jokeapi/twopart.json"));
        tell(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Christmas"));
        FixtureServer.Request request = jokeApi.requests().getFirst();
        assertEquals("GET", request.method());
        assertEquals("/joke/Christmas", request.path());
        assertTrue(request.params().containsKey("safe-mode"), request.toString());
        assertEquals(ALL_FLAGS, Arrays.stream(request.params().get("blacklistFlags").split(",")).collect(Collectors.toSet()));
    }

    @Test
    void tellsABundledJokeWhenJokeApiAnswersAnError() {
        jokeApi.answer("/joke/Spooky", Answer.json("jokeapi/error-no-matching-joke.json").withStatus(400));
        String content = tell(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Spooky"));
        assertTrue(bundled("Spooky").contains(content), "a bundled joke of the same category: " + content);
        assertEquals(1, jokeApi.requests().size());
    }

    @Test
    void tellsABundledJokeWhenJokeApiAnswersGarbage() {
        jokeApi.answer("/joke/Misc", Answer.text("<html><body>502 Bad Gateway</body></html>"));
        String content = tell(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Misc"));
        assertTrue(bundled("Misc").contains(content), content);
    }

    @Test
    void neverTellsAJokeThatJokeApiFlags() {
        jokeApi.answer("/joke/Any", Answer.json("jokeapi/flagged.json"));
        String content = tell(InteractionBuilder.command("joke"));
        assertTrue(bundled(null).contains(content), content);
    }

    @Test
    void tellsABundledJokeInTimeWhenJokeApiIsSlowerThanTheTimeout() {
        jokeApi.answer("/joke/Programming", Answer.json("jokeapi/single.json").after(Duration.ofSeconds(3)));
        long started = System.nanoTime();
        String content = tell(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Programming"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(bundled("Programming").contains(content), content);
        assertTrue(tookMs >= JOKE_TIMEOUT_MS && tookMs < 1500, "answered after the joke timeout, within the inline budget: " + tookMs + " ms");
    }

    @Test
    void tellsABundledJokeWhenJokeApiIsUnreachable() {
        // TestApp's default JOKE_API_URL is a loopback port nobody listens on.
        try (TestApp offline = TestApp.start()) {
            JsonNode answer = offline.post(InteractionBuilder.command("joke").inBotDm());
            assertEquals(4, answer.path("type").asInt());
            assertEquals(64, answer.path("data").path("flags").asInt());
            assertTrue(bundled(null).contains(answer.path("data").path("content").asText()), answer.toString());
        }
    }

    @Test
    void bundlesAboutTwentyFiveJokesCoveringEveryCategory() {
        List<Joke> jokes = app.context().getBean(BundledJokes.class).all();
        assertTrue(jokes.size() >= 25, "jokes: " + jokes.size());
        for (JokeCategory category : JokeCategory.values()) {
            if (category != JokeCategory.ANY) {
                assertTrue(jokes.stream().filter(j -> category.apiName.equals(j.category())).count() >= 3, category.apiName);
            }
        }
        assertTrue(jokes.stream().anyMatch(j -> "single".equals(j.type())) && jokes.stream().anyMatch(j -> "twopart".equals(j.type())));
    }

    @Test
    void offersTheFixedCategoriesAsChoices() {
        OptionDefinition category = app.context().getBean(JokeCommand.class).definition().options().getFirst();
        assertEquals("category", category.name());
        assertEquals(List.of("Any", "Programming", "Misc", "Pun", "Spooky", "Christmas"),
                category.choices().stream().map(ChoiceDefinition::value).toList());
    }
}
