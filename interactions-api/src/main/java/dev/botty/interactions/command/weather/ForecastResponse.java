package dev.botty.interactions.command.weather;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * Open-Meteo's answer to {@code GET /v1/forecast} with the {@code current} and {@code daily}
 * variables botty asks for; errors are {@code error: true} with a {@code reason}. Names with
 * digits are spelled out: a naming strategy would not place the underscore before {@code 2m}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record ForecastResponse(
        @Nullable Current current,
        @Nullable Daily daily,
        @Nullable String timezone,
        @Nullable Boolean error,
        @Nullable String reason) implements OpenMeteo.ErrorFields {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Current(
            @Nullable String time,
            @Nullable @JsonProperty("temperature_2m") Double temperature,
            @Nullable @JsonProperty("relative_humidity_2m") Double relativeHumidity,
            @Nullable @JsonProperty("apparent_temperature") Double apparentTemperature,
            @Nullable @JsonProperty("is_day") Integer isDay,
            @Nullable @JsonProperty("weather_code") Integer weatherCode,
            @Nullable @JsonProperty("wind_speed_10m") Double windSpeed,
            @Nullable @JsonProperty("wind_direction_10m") Double windDirection) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Daily(
            @Nullable List<String> time,
            @Nullable @JsonProperty("temperature_2m_max") List<Double> temperatureMax,
            @Nullable @JsonProperty("temperature_2m_min") List<Double> temperatureMin) {}
}
