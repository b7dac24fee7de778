package dev.botty.interactions.command.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place to report the weather for: a readable label and its coordinates. An autocomplete
 * suggestion carries all of it in its value ({@code geo:52.52437,13.41053:Berlin, Land Berlin,
 * Germany}), so a picked suggestion needs no second place search.
 */
record Place(String label, String latitude, String longitude) {
    /** Discord's limit for a string choice value. */
    static final int MAX_VALUE = 100;
    private static final String PREFIX = "geo:";
    private static final Pattern VALUE = Pattern.compile("geo:(-?\\d{1,2}(?:\\.\\d{1,6})?),(-?\\d{1,3}(?:\\.\\d{1,6})?):(.*)", Pattern.DOTALL);

    /** A place from coordinates as numbers, written with at most five decimals (about a metre). */
    static Place of(String label, double latitude, double longitude) {
        return new Place(label, coordinate(latitude), coordinate(longitude));
    }

    /** The place a choice value names, if {@code value} is one and its coordinates are on Earth. */
    static Optional<Place> fromChoiceValue(String value) {
        Matcher matcher = VALUE.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double latitude = Double.parseDouble(matcher.group(1));
        double longitude = Double.parseDouble(matcher.group(2));
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return Optional.empty();
        }
        String label = matcher.group(3).strip();
        return Optional.of(new Place(label.isEmpty() ? matcher.group(1) + ", " + matcher.group(2) : label,
                matcher.group(1), matcher.group(2)));
    }

    /** The value of an autocomplete choice for this place, within Discord's length limit. */
    String toChoiceValue() {
        String coordinates = PREFIX + latitude + "," + longitude + ":";
        int room = MAX_VALUE - coordinates.length();
        return coordinates + (label.length() <= room ? label : label.substring(0, room - 1) + "…");
    }

    private static String coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
