package dev.botty.interactions.command.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** How conditions read: WMO codes as words, numbers, wind directions. */
class WeatherWordsTest {
    /** Every code of the docs' "WMO Weather interpretation codes (WW)" table. */
    private static final int[] DOCUMENTED = {0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82,
            85, 86, 95, 96, 99};

    @Test
    void namesEveryDocumentedWeatherCode() {
        for (int code : DOCUMENTED) {
            WeatherCode named = WeatherCode.of(code, true);
            assertFalse(named.words().startsWith("Unknown"), "code " + code);
            assertFalse(named.emoji().isBlank(), "code " + code);
        }
        assertEquals("Clear sky", WeatherCode.of(0, false).words());
        assertEquals("🌙", WeatherCode.of(0, false).emoji());
        assertEquals("☀️", WeatherCode.of(0, true).emoji());
    }

    @Test
    void saysWhenACodeIsUnknown() {
        assertEquals("Unknown conditions (WMO code 42)", WeatherCode.of(42, true).words());
    }

    @Test
    void showsOneDecimalAndNoNegativeZero() {
        assertEquals("23.4", WeatherCommand.number(23.4));
        assertEquals("-3.0", WeatherCommand.number(-3));
        assertEquals("0.0", WeatherCommand.number(-0.04));
        assertEquals("12.3", WeatherCommand.number(12.34));
    }

    @Test
    void namesTheDirectionTheWindComesFrom() {
        assertEquals("N", WeatherCommand.compass(0));
        assertEquals("N", WeatherCommand.compass(359));
        assertEquals("NE", WeatherCommand.compass(45));
        assertEquals("S", WeatherCommand.compass(180));
        assertEquals("WNW", WeatherCommand.compass(290));
        assertEquals("N", WeatherCommand.compass(360));
    }
}
