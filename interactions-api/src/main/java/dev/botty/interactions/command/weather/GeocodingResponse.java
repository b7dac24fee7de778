package dev.botty.interactions.command.weather;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * Open-Meteo geocoding's answer to {@code GET /v1/search} (the fields botty reads). Empty fields
 * are left out, including {@code results} when nothing matched; errors are {@code error: true}
 * with a {@code reason}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record GeocodingResponse(@Nullable List<Result> results, @Nullable Boolean error, @Nullable String reason)
        implements OpenMeteo.ErrorFields {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Result(
            @Nullable Long id,
            @Nullable String name,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String countryCode,
            @Nullable String country,
            @Nullable String admin1) {

        /** "Berlin, Land Berlin, Germany": the name, its first-level region unless it repeats the name, the country. */
        String label() {
            StringBuilder label = new StringBuilder(name.strip());
            if (admin1 != null && !admin1.isBlank() && !admin1.strip().equalsIgnoreCase(name.strip())) {
                label.append(", ").append(admin1.strip());
            }
            if (country != null && !country.isBlank()) {
                label.append(", ").append(country.strip());
            } else if (countryCode != null && !countryCode.isBlank()) {
                label.append(", ").append(countryCode.strip());
            }
            return label.toString();
        }

        boolean usable() {
            return name != null && !name.isBlank() && latitude != null && longitude != null
                    && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
        }
    }
}
