package dev.botty.interactions.command.weather;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.Embed;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.CommandDefinition;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /weather location [units]}: the weather now and today's high and low from Open-Meteo.
 * The location autocompletes from Open-Meteo's place search; a picked suggestion carries its
 * coordinates (see {@link Place}), free text is searched for. A slow Open-Meteo is fine: the
 * dispatcher defers and edits the answer in.
 */
@Singleton
public final class WeatherCommand implements SlashCommand {
    private static final CommandDefinition DEFINITION = CommandDefinition.slash("weather", "Current weather and today's high and low for a place")
            .with(OptionDefinition.string("location", "A city or place; pick a suggestion or type a name", true)
                    .withLength(1, 100).withAutocomplete())
            .with(OptionDefinition.string("units", "Metric (°C, km/h) or imperial (°F, mph); metric if left out", false)
                    .withChoices(Units.choices()));
    /** Open-Meteo asks for a visible link next to its data. */
    static final String ATTRIBUTION_URL = "https://open-meteo.com/";
    static final String SEARCH_FAILED = "🌦️ I couldn't reach the place search (Open-Meteo) just now. Please try again in a minute.";
    static final String FORECAST_FAILED = "🌦️ The weather service (Open-Meteo) couldn't give me the weather just now. Please try again in a minute.";
    private static final int SUGGESTIONS = 10;
    /** Open-Meteo answers nothing for a single character; two match exactly, three and more fuzzily. */
    private static final int SHORTEST_SEARCH = 2;
    private static final int SKY_BLUE = 0x4A90D9;
    private static final String[] COMPASS = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

    private final OpenMeteo openMeteo;

    WeatherCommand(OpenMeteo openMeteo) {
        this.openMeteo = openMeteo;
    }

    @Override
    public CommandDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        String location = invocation.string("location").map(String::strip).orElse("");
        Units units = invocation.string("units").flatMap(Units::named).orElse(Units.METRIC);
        if (location.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.failure("Tell me a place, for example `Berlin` or `Paris, France`."));
        }
        Optional<Place> picked = Place.fromChoiceValue(location);
        if (picked.isPresent()) {
            return weatherAt(picked.get(), units);
        }
        return openMeteo.searchPlaces(location, 1).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.failure(SEARCH_FAILED));
            }
            if (found.get().isEmpty()) {
                return CompletableFuture.completedFuture(Reply.failure("🗺️ I couldn't find a place called \"" + location
                        + "\". Try a city name, maybe with its country (`Paris, France`), or pick one of the suggestions."));
            }
            return weatherAt(found.get().getFirst(), units);
        });
    }

    @Override
    public CompletionStage<List<Choice>> suggest(Invocation invocation) {
        String typed = invocation.focusedText().strip();
        Optional<Place> picked = Place.fromChoiceValue(typed);
        if (picked.isPresent()) {
            return CompletableFuture.completedFuture(List.of(choice(picked.get())));
        }
        if (typed.length() < SHORTEST_SEARCH) {
            return CompletableFuture.completedFuture(List.of());
        }
        return openMeteo.searchPlaces(typed, SUGGESTIONS)
                .thenApply(found -> found.orElse(List.of()).stream().map(WeatherCommand::choice).toList());
    }

    private static Choice choice(Place place) {
        return new Choice(place.label(), place.toChoiceValue());
    }

    private CompletableFuture<Reply> weatherAt(Place place, Units units) {
        return openMeteo.currentWeather(place, units)
                .thenApply(conditions -> conditions.map(c -> Reply.embed(embed(place, units, c))).orElse(Reply.failure(FORECAST_FAILED)));
    }

    private static Embed embed(Place place, Units units, Conditions now) {
        String wind = number(now.windSpeed()) + " " + units.speedSymbol + now.windDirection().map(d -> " " + compass(d)).orElse("");
        List<Embed.Field> fields = List.of(
                new Embed.Field("Temperature", temperature(now.temperature(), units), true),
                new Embed.Field("Feels like", temperature(now.feelsLike(), units), true),
                new Embed.Field("Humidity", Math.round(now.humidity()) + "%", true),
                new Embed.Field("Wind", wind, true),
                new Embed.Field("Today", "High " + temperature(now.high(), units) + " · Low " + temperature(now.low(), units), true));
        String footer = now.localTime().map(t -> "As of " + t + " local time · ").orElse("") + "Weather data by Open-Meteo.com";
        return new Embed(now.code().emoji() + " " + place.label(), now.code().words(), ATTRIBUTION_URL, SKY_BLUE, null, null, null, null)
                .withFields(fields)
                .withFooter(footer);
    }

    private static String temperature(double value, Units units) {
        return number(value) + " " + units.temperatureSymbol;
    }

    /** One decimal, as Open-Meteo gives them; a rounded -0.0 shows as 0.0. */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return String.format(Locale.ROOT, "%.1f", rounded == 0 ? 0.0 : rounded);
    }

    /** The 16-point compass direction the wind comes from. */
    static String compass(double degrees) {
        int sector = (int) Math.round(((degrees % 360) + 360) % 360 / 22.5) % COMPASS.length;
        return COMPASS[sector];
    }
}
