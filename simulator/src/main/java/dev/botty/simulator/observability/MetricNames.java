package dev.botty.simulator.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names as Prometheus sees them: the ones a PromQL expression selects, and the ones a
 * scrape in the text exposition format exposes. The monitoring tests hold the first against the
 * second, so a dashboard panel or an alert can never watch a series no service exports.
 */
public final class MetricNames {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "inf", "nan", "by", "without", "on",
            "ignoring", "group_left", "group_right", "atan2", "e");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    /** Series Prometheus makes itself for every target; no service exposes them. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private MetricNames() {}

    /**
     * Whether a name is the voice node's (music, gateway, Lavalink) rather than the
     * interactions-api's. {@code botty_voice_forwards} is the interactions-api's count of what it
     * forwarded to voice nodes. JVM metrics are both services'.
     */
    public static boolean ofVoiceNode(String name) {
        return (name.startsWith("botty_voice_") && !name.startsWith("botty_voice_forwards"))
                || name.startsWith("botty_lavalink_") || name.startsWith("botty_gateway_");
    }

    /**
     * Every metric name a PromQL expression selects: identifiers that are neither functions,
     * keywords, label names (inside braces or a {@code by (...)} list) nor Grafana variables.
     */
    public static Set<String> inQuery(String promql) {
        String expression = STRING.matcher(promql).replaceAll("\"\"");
        expression = MATCHERS.matcher(expression).replaceAll(" ");
        expression = RANGES.matcher(expression).replaceAll(" ");
        expression = LABEL_LISTS.matcher(expression).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(expression);
        while (identifiers.find()) {
            String name = identifiers.group(1);
            boolean function = identifiers.group(2) != null;
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !isNumberSuffix(expression, identifiers.start(1))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name with at least one sample in a Prometheus text-format scrape. */
    public static Set<String> inScrape(String scrape) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                names.add(sample.group(1));
            }
        }
        return names;
    }

    /** Whether the identifier starting at {@code start} is the tail of a number such as {@code 1e3} or {@code 0x1f}. */
    private static boolean isNumberSuffix(String expression, int start) {
        return start > 0 && Character.isDigit(expression.charAt(start - 1));
    }
}
