package dev.botty.interactions.command.weather;

import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The unit systems {@code /weather} offers, as Open-Meteo's parameters and as shown. */
enum Units {
    METRIC("metric", "Metric (°C, km/h)", "celsius", "kmh", "°C", "km/h"),
    IMPERIAL("imperial", "Imperial (°F, mph)", "fahrenheit", "mph", "°F", "mph");

    final String optionValue;
    final String choiceName;
    /** Open-Meteo's {@code temperature_unit}. */
    final String temperatureUnit;
    /** Open-Meteo's {@code wind_speed_unit}. */
    final String windSpeedUnit;
    final String temperatureSymbol;
    final String speedSymbol;

    Units(String optionValue, String choiceName, String temperatureUnit, String windSpeedUnit, String temperatureSymbol, String speedSymbol) {
        this.optionValue = optionValue;
        this.choiceName = choiceName;
        this.temperatureUnit = temperatureUnit;
        this.windSpeedUnit = windSpeedUnit;
        this.temperatureSymbol = temperatureSymbol;
        this.speedSymbol = speedSymbol;
    }

    static List<ChoiceDefinition> choices() {
        return Arrays.stream(values()).map(u -> new ChoiceDefinition(u.choiceName, u.optionValue)).toList();
    }

    static Optional<Units> named(String value) {
        return Arrays.stream(values()).filter(u -> u.optionValue.equalsIgnoreCase(value)).findFirst();
    }
}
