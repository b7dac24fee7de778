package dev.botty.interactions.command.weather;

import java.util.List;
import java.util.Optional;

/** The weather now and today's range at a place, in the units asked for. */
record Conditions(
        double temperature,
        double feelsLike,
        double humidity,
        double windSpeed,
        Optional<Double> windDirection,
        WeatherCode code,
        double high,
        double low,
        Optional<String> localTime) {

    /** The conditions in a forecast answer, if it carries every value shown. */
    static Optional<Conditions> from(ForecastResponse answer) {
        ForecastResponse.Current now = answer.current();
        ForecastResponse.Daily today = answer.daily();
        if (now == null || today == null || now.temperature() == null || now.apparentTemperature() == null
                || now.relativeHumidity() == null || now.windSpeed() == null || now.weatherCode() == null
                || first(today.temperatureMax()).isEmpty() || first(today.temperatureMin()).isEmpty()) {
            return Optional.empty();
        }
        boolean day = now.isDay() == null || now.isDay() == 1;
        return Optional.of(new Conditions(now.temperature(), now.apparentTemperature(), now.relativeHumidity(), now.windSpeed(),
                Optional.ofNullable(now.windDirection()), WeatherCode.of(now.weatherCode(), day),
                first(today.temperatureMax()).get(), first(today.temperatureMin()).get(), clockTime(now.time())));
    }

    private static Optional<Double> first(List<Double> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    /** "15:30" from Open-Meteo's local ISO 8601 time "2025-06-14T15:30". */
    private static Optional<String> clockTime(String time) {
        return time != null && time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}") ? Optional.of(time.substring(11)) : Optional.empty();
    }
}
