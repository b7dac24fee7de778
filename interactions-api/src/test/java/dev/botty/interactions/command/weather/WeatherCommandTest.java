package dev.botty.interactions.command.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.interactions.command.FixtureServer.Request;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.InteractionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /weather} through the real endpoint against stand-ins for Open-Meteo's geocoding and
 * forecast APIs serving docs-shaped answers: what is asked for, what is shown, autocomplete, the
 * plain answers when a place is unknown or a service fails, and a deferred answer when Open-Meteo
 * is slower than the inline budget.
 */
class WeatherCommandTest {
    private static final String SEARCH = "/v1/search";
    private static final String FORECAST = "/v1/forecast";
    private static final String BERLIN = "Berlin, Land Berlin, Germany";

    private static FixtureServer geocoding;
    private static FixtureServer forecast;
    private static TestApp app;

    @BeforeAll
    static void start() {
        geocoding = FixtureServer.start();
        forecast = FixtureServer.start();
        app = TestApp.start(Map.of("OPEN_METEO_GEOCODING_URL", geocoding.url(), "OPEN_METEO_FORECAST_URL", forecast.url()));
    }

    @AfterAll
    static void stop() {
        app.close();
        geocoding.close();
        forecast.close();
    }

    /** Like the real services: the search knows Berlin (fuzzily), the forecast answers in the units asked for. */
    @BeforeEach
    void answerLikeOpenMeteo() {
        geocoding.answer(SEARCH, request -> request.params().getOrDefault("name", "").toLowerCase(Locale.ROOT).startsWith("berl")
                ? Answer.json("open-meteo/search-berlin.json")
                : Answer.json("open-meteo/search-no-results.json"));
        forecast.answer(FORECAST, request -> "fahrenheit".equals(request.params().get("temperature_unit"))
                ? Answer.json("open-meteo/forecast-berlin-imperial.json")
                : Answer.json("open-meteo/forecast-berlin-metric.json"));
    }

    @AfterEach
    void forget() {
        geocoding.forgetRequests();
        forecast.forgetRequests();
    }

    private static JsonNode answer(InteractionBuilder interaction) {
        JsonNode answer = app.post(interaction);
        assertEquals(4, answer.path("type").asInt(), "inline: " + answer);
        assertEquals(64, answer.path("data").path("flags").asInt(), "ephemeral: " + answer);
        return answer.path("data");
    }

    private static InteractionBuilder weather(String location) {
        return InteractionBuilder.command("weather").option("location", InteractionBuilder.STRING, location);
    }

    private static Map<String, String> fields(JsonNode embed) {
        Map<String, String> fields = new LinkedHashMap<>();
        embed.path("fields").forEach(f -> fields.put(f.path("name").asText(), f.path("value").asText()));
        return fields;
    }

    @Test
    void showsTheWeatherNowAndTodaysRangeInMetricUnits() {
        JsonNode embed = answer(weather("Berlin")).path("embeds").path(0);
        assertEquals("⛅ " + BERLIN, embed.path("title").asText());
        assertEquals("Partly cloudy", embed.path("description").asText());
        assertEquals(Map.of(
                "Temperature", "23.4 °C",
                "Feels like", "22.9 °C",
                "Humidity", "48%",
                "Wind", "14.8 km/h WNW",
                "Today", "High 25.1 °C · Low 14.6 °C"), fields(embed));
        assertEquals("As of 15:30 local time · Weather data by Open-Meteo.com", embed.path("footer").path("text").asText());
        assertEquals("https://open-meteo.com/", embed.path("url").asText(), "Open-Meteo's attribution link");
    }

    @Test
    void searchesTheTypedPlaceAndAsksForTheForecastThere() {
        answer(weather("Berlin"));
        Request search = geocoding.requests(SEARCH).getFirst();
        assertEquals(Map.of("name", "Berlin", "count", "1", "language", "en", "format", "json"), search.params());

        Map<String, String> asked = forecast.requests(FORECAST).getFirst().params();
        assertEquals("52.52437", asked.get("latitude"));
        assertEquals("13.41053", asked.get("longitude"));
        assertTrue(List.of(asked.get("current").split(",")).containsAll(List.of(
                "temperature_2m", "apparent_temperature", "relative_humidity_2m", "weather_code", "wind_speed_10m")), asked.toString());
        assertEquals(List.of("temperature_2m_max", "temperature_2m_min"), List.of(asked.get("daily").split(",")));
        assertEquals("auto", asked.get("timezone"), "today is the place's local day");
        assertEquals("celsius", asked.get("temperature_unit"));
        assertEquals("kmh", asked.get("wind_speed_unit"));
    }

    @Test
    void asksForFahrenheitAndMilesPerHourInImperialUnits() {
        JsonNode embed = answer(weather("Berlin").option("units", InteractionBuilder.STRING, "imperial")).path("embeds").path(0);
        Map<String, String> asked = forecast.requests(FORECAST).getFirst().params();
        assertEquals("fahrenheit", asked.get("temperature_unit"));
        assertEquals("mph", asked.get("wind_speed_unit"));
        Map<String, String> fields = fields(embed);
        assertEquals("74.1 °F", fields.get("Temperature"));
        assertEquals("73.2 °F", fields.get("Feels like"));
        assertEquals("9.2 mph WNW", fields.get("Wind"));
        assertEquals("High 77.2 °F · Low 58.3 °F", fields.get("Today"));
    }

    @Test
    void saysPlainlyWhenThePlaceIsUnknown() {
        JsonNode data = answer(weather("Atlantis"));
        assertTrue(data.path("content").asText().contains("I couldn't find a place called \"Atlantis\""), data.toString());
        assertTrue(data.path("embeds").isMissingNode() || data.path("embeds").isEmpty());
        assertTrue(forecast.requests().isEmpty(), "no forecast for no place");
    }

    @Test
    void saysPlainlyWhenThePlaceSearchFails() {
        geocoding.answer(SEARCH, Answer.json("open-meteo/search-error.json").withStatus(400));
        assertEquals(WeatherCommand.SEARCH_FAILED, answer(weather("Berlin")).path("content").asText());
    }

    @Test
    void saysPlainlyWhenTheForecastFails() {
        forecast.answer(FORECAST, Answer.json("open-meteo/forecast-error.json").withStatus(400));
        assertEquals(WeatherCommand.FORECAST_FAILED, answer(weather("Berlin")).path("content").asText());
    }

    @Test
    void saysPlainlyWhenTheForecastLacksTheCurrentConditions() {
        forecast.answer(FORECAST, Answer.text("{\"latitude\": 52.52, \"longitude\": 13.419998, \"timezone\": \"Europe/Berlin\"}"));
        assertEquals(WeatherCommand.FORECAST_FAILED, answer(weather("Berlin")).path("content").asText());
    }

    @Test
    void suggestsPlacesAsTheUserTypes() {
        JsonNode answer = app.post(InteractionBuilder.autocomplete("weather").focused("location", "Berl"));
        assertEquals(8, answer.path("type").asInt(), answer.toString());
        JsonNode choices = answer.path("data").path("choices");
        assertTrue(choices.size() > 0 && choices.size() <= 25, answer.toString());
        List<String> names = new ArrayList<>();
        choices.forEach(c -> names.add(c.path("name").asText()));
        assertEquals(List.of(BERLIN, "Berlin, New Hampshire, United States", "Berlin, Wisconsin, United States"), names);
        choices.forEach(c -> assertTrue(c.path("value").asText().length() <= 100, c.toString()));
        assertEquals(Map.of("name", "Berl", "count", "10", "language", "en", "format", "json"),
                geocoding.requests(SEARCH).getFirst().params());
    }

    @Test
    void aPickedSuggestionNeedsNoSecondPlaceSearch() {
        JsonNode choices = app.post(InteractionBuilder.autocomplete("weather").focused("location", "Berlin")).path("data").path("choices");
        String newHampshire = choices.path(1).path("value").asText();
        geocoding.forgetRequests();

        JsonNode embed = answer(weather(newHampshire)).path("embeds").path(0);
        assertEquals("⛅ Berlin, New Hampshire, United States", embed.path("title").asText());
        assertTrue(geocoding.requests().isEmpty(), "the suggestion carried the coordinates");
        Map<String, String> asked = forecast.requests(FORECAST).getFirst().params();
        assertEquals("44.46867", asked.get("latitude"));
        assertEquals("-71.18508", asked.get("longitude"));
    }

    @Test
    void suggestsNothingForASingleCharacter() {
        JsonNode answer = app.post(InteractionBuilder.autocomplete("weather").focused("location", "B"));
        assertEquals(8, answer.path("type").asInt());
        assertEquals(0, answer.path("data").path("choices").size());
        assertTrue(geocoding.requests().isEmpty());
    }

    @Test
    void suggestsNothingWhenThePlaceSearchFails() {
        geocoding.answer(SEARCH, Answer.text("Service Unavailable").withStatus(503));
        JsonNode answer = app.post(InteractionBuilder.autocomplete("weather").focused("location", "Berl"));
        assertEquals(8, answer.path("type").asInt());
        assertEquals(0, answer.path("data").path("choices").size());
    }

    @Test
    void defersWhenOpenMeteoIsSlowAndEditsTheWeatherIn() throws InterruptedException {
        try (FixtureServer slowForecast = FixtureServer.start();
                TestApp slow = TestApp.start(Map.of("INLINE_BUDGET_MS", "300",
                        "OPEN_METEO_GEOCODING_URL", geocoding.url(), "OPEN_METEO_FORECAST_URL", slowForecast.url()))) {
            slowForecast.answer(FORECAST, Answer.json("open-meteo/forecast-berlin-metric.json").after(Duration.ofMillis(900)));
            JsonNode answer = slow.post(weather("Berlin"));
            assertEquals(5, answer.path("type").asInt(), "deferred: " + answer);
            assertEquals(64, answer.path("data").path("flags").asInt(), "the deferral is ephemeral");

            FakeDiscord.Call edit = slow.discord().awaitOriginalEdit(Duration.ofSeconds(10));
            assertTrue(edit.path().startsWith("/api/v10/webhooks/" + TestApp.APPLICATION_ID + "/"), edit.path());
            JsonNode embed = edit.json().path("embeds").path(0);
            assertEquals("⛅ " + BERLIN, embed.path("title").asText());
            assertEquals("23.4 °C", fields(embed).get("Temperature"));
        }
    }

    @Test
    void offersMetricAndImperialAndAutocompletesTheLocation() {
        var options = app.context().getBean(WeatherCommand.class).definition().options();
        assertEquals("location", options.getFirst().name());
        assertTrue(options.getFirst().required() && options.getFirst().autocomplete());
        assertEquals(List.of("metric", "imperial"), options.get(1).choices().stream().map(c -> c.value()).toList());
    }
}
