package dev.botty.interactions.command.weather;

import dev.botty.interactions.command.OutsideCalls;
import dev.botty.interactions.config.BottyConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open-Meteo's place search ({@code OPEN_METEO_GEOCODING_URL}, {@code /v1/search}) and forecast
 * ({@code OPEN_METEO_FORECAST_URL}, {@code /v1/forecast}); no API key. Each call is bounded by
 * {@code OUTBOUND_TIMEOUT_MS}. A service that fails, errs or answers something unreadable gives
 * an empty result, never an exception, so the command can say so plainly.
 */
@Singleton
final class OpenMeteo {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMeteo.class);
    private static final String CURRENT =
            "temperature_2m,relative_humidity_2m,apparent_temperature,is_day,weather_code,wind_speed_10m,wind_direction_10m";
    private static final String DAILY = "temperature_2m_max,temperature_2m_min";

    /** The fields both Open-Meteo services answer an error with: {@code error: true} and a {@code reason}. */
    interface ErrorFields {
        @Nullable Boolean error();

        @Nullable String reason();
    }

    private final URI geocodingUrl;
    private final URI forecastUrl;
    private final Duration timeout;
    private final OutsideCalls outside;
    private final JsonMapper json;

    OpenMeteo(BottyConfig config, OutsideCalls outside, JsonMapper json) {
        this.geocodingUrl = config.weather().geocodingUrl();
        this.forecastUrl = config.weather().forecastUrl();
        this.timeout = config.outboundTimeout();
        this.outside = outside;
        this.json = json;
    }

    /** Places matching {@code name}, best first (empty list: no match), or empty when the search failed. */
    CompletableFuture<Optional<List<Place>>> searchPlaces(String name, int count) {
        URI uri = URI.create(geocodingUrl + "/v1/search?name=" + encode(name) + "&count=" + count + "&language=en&format=json");
        return get(uri, "place search", GeocodingResponse.class, answer -> {
            if (answer.results() == null) {
                return Optional.of(List.of());
            }
            return Optional.of(answer.results().stream()
                    .filter(r -> r != null && r.usable())
                    .map(r -> Place.of(r.label(), r.latitude(), r.longitude()))
                    .toList());
        });
    }

    /** The weather now and today's high and low at {@code place} (in its local day), or empty when the forecast failed. */
    CompletableFuture<Optional<Conditions>> currentWeather(Place place, Units units) {
        URI uri = URI.create(forecastUrl + "/v1/forecast?latitude=" + place.latitude() + "&longitude=" + place.longitude()
                + "&current=" + CURRENT + "&daily=" + DAILY
                // The place's own time zone, so "today" is the local day and not UTC's.
                + "&timezone=auto&forecast_days=1"
                + "&temperature_unit=" + units.temperatureUnit + "&wind_speed_unit=" + units.windSpeedUnit);
        return get(uri, "forecast", ForecastResponse.class, answer -> {
            Optional<Conditions> conditions = Conditions.from(answer);
            if (conditions.isEmpty()) {
                LOG.warn("Open-Meteo forecast answered without the current conditions or today's range");
            }
            return conditions;
        });
    }

    private <A extends ErrorFields, T> CompletableFuture<Optional<T>> get(URI uri, String what, Class<A> type, Function<A, Optional<T>> read) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        return outside.call(what.equals("forecast") ? "weather" : "geocoding", request, timeout,
                response -> parse(response, what, type).flatMap(read));
    }

    private <A extends ErrorFields> Optional<A> parse(HttpResponse<byte[]> response, String what, Class<A> type) {
        A answer;
        try {
            answer = json.readValue(response.body(), type);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Open-Meteo {} answered HTTP {} with something unreadable", what, response.statusCode());
            return Optional.empty();
        }
        if (answer == null || Boolean.TRUE.equals(answer.error()) || response.statusCode() != 200) {
            LOG.warn("Open-Meteo {} answered HTTP {}: {}", what, response.statusCode(),
                    answer == null || answer.reason() == null ? "no reason given" : answer.reason());
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    private static String encode(String text) {
        // URLEncoder writes form encoding; a query wants %20 for spaces.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
