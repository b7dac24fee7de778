package dev.botty.interactions.command.weather;

/**
 * WMO weather interpretation codes (WW) as Open-Meteo documents them for {@code weather_code}:
 * the words to show and a fitting emoji.
 */
record WeatherCode(String words, String emoji) {
    static WeatherCode of(int code, boolean day) {
        return switch (code) {
            case 0 -> new WeatherCode("Clear sky", day ? "☀️" : "🌙");
            case 1 -> new WeatherCode("Mainly clear", day ? "🌤️" : "🌙");
            case 2 -> new WeatherCode("Partly cloudy", "⛅");
            case 3 -> new WeatherCode("Overcast", "☁️");
            case 45 -> new WeatherCode("Fog", "🌫️");
            case 48 -> new WeatherCode("Depositing rime fog", "🌫️");
            case 51 -> new WeatherCode("Light drizzle", "🌦️");
            case 53 -> new WeatherCode("Moderate drizzle", "🌦️");
            case 55 -> new WeatherCode("Dense drizzle", "🌧️");
            case 56 -> new WeatherCode("Light freezing drizzle", "🌧️");
            case 57 -> new WeatherCode("Dense freezing drizzle", "🌧️");
            case 61 -> new WeatherCode("Slight rain", "🌦️");
            case 63 -> new WeatherCode("Moderate rain", "🌧️");
            case 65 -> new WeatherCode("Heavy rain", "🌧️");
            case 66 -> new WeatherCode("Light freezing rain", "🌧️");
            case 67 -> new WeatherCode("Heavy freezing rain", "🌧️");
            case 71 -> new WeatherCode("Slight snowfall", "🌨️");
            case 73 -> new WeatherCode("Moderate snowfall", "🌨️");
            case 75 -> new WeatherCode("Heavy snowfall", "❄️");
            case 77 -> new WeatherCode("Snow grains", "🌨️");
            case 80 -> new WeatherCode("Slight rain showers", "🌦️");
            case 81 -> new WeatherCode("Moderate rain showers", "🌧️");
            case 82 -> new WeatherCode("Violent rain showers", "⛈️");
            case 85 -> new WeatherCode("Slight snow showers", "🌨️");
            case 86 -> new WeatherCode("Heavy snow showers", "❄️");
            case 95 -> new WeatherCode("Thunderstorm", "⛈️");
            case 96 -> new WeatherCode("Thunderstorm with slight hail", "⛈️");
            case 99 -> new WeatherCode("Thunderstorm with heavy hail", "⛈️");
            default -> new WeatherCode("Unknown conditions (WMO code " + code + ")", "🌡️");
        };
    }
}
