package dev.botty.interactions.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.simulator.InteractionBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Outside calls are counted where they are made, by service and outcome, whichever command made them. */
class OutsideCallsTest {
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void everyOutcomeIsCountedAndTimed() throws Exception {
        try (FixtureServer jokeApi = FixtureServer.start();
                TestApp app = TestApp.start(Map.of("JOKE_API_URL", jokeApi.url(), "JOKE_TIMEOUT_MS", "300",
                        "OPEN_METEO_GEOCODING_URL", jokeApi.url()))) {
            jokeApi.answer("/joke/Any", Answer.json("jokeapi/single.json"));
            jokeApi.answer("/joke/Pun", Answer.json("jokeapi/single.json").after(Duration.ofSeconds(2)));
            jokeApi.answer("/joke/Misc", Answer.text("<html><body>502 Bad Gateway</body></html>"));
            app.post(InteractionBuilder.command("joke"));
            app.post(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Pun"));
            app.post(InteractionBuilder.command("joke").option("category", InteractionBuilder.STRING, "Misc"));
            app.post(InteractionBuilder.command("ip").inBotDm()); // refused: nobody is allowed, so no call is made
            app.post(InteractionBuilder.autocomplete("weather").focused("location", "Berl")); // nothing serves geocoding there: 404

            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.managementUri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(1, value(scrape, "botty_outside_calls_total{outcome=\"ok\",service=\"joke\"}"), scrape);
            assertEquals(1, value(scrape, "botty_outside_calls_total{outcome=\"timeout\",service=\"joke\"}"));
            assertEquals(1, value(scrape, "botty_outside_calls_total{outcome=\"bad_answer\",service=\"joke\"}"));
            assertEquals(1, value(scrape, "botty_outside_calls_total{outcome=\"bad_answer\",service=\"geocoding\"}"));
            assertEquals(0, value(scrape, "botty_outside_calls_total{outcome=\"ok\",service=\"ip\"}"));
            assertEquals(3, value(scrape, "botty_outside_call_latency_seconds_count{service=\"joke\"}"));
            assertTrue(scrape.contains("botty_outside_call_latency_seconds_bucket{service=\"joke\",le="), "a histogram");
        }
    }
}
