package dev.botty.simulator.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricNamesTest {
    @Test
    void findsTheMetricsAQuerySelects() {
        assertEquals(Set.of("botty_command_latency_seconds_bucket"), MetricNames.inQuery(
                "histogram_quantile(0.95, sum by (le, answer) (rate(botty_command_latency_seconds_bucket{job=\"interactions-api\"}[$__rate_interval])))"));
        assertEquals(Set.of("botty_commands_total"), MetricNames.inQuery(
                "sum(rate(botty_commands_total{outcome=~\"failed|error\"}[10m])) / sum(rate(botty_commands_total[10m])) > 0.05"));
        assertEquals(Set.of("up"), MetricNames.inQuery("up{job=~\"interactions-api|voice-node\"} == 0"));
        assertEquals(Set.of("botty_lavalink_frames_deficit", "botty_lavalink_node_up"), MetricNames.inQuery(
                "max without (instance) (botty_lavalink_frames_deficit) * on (node) group_left botty_lavalink_node_up > 300"));
        assertEquals(Set.of("jvm_memory_used_bytes"), MetricNames.inQuery("sum by (job, area) (jvm_memory_used_bytes{job=~\"$job\"}) + 1e3"));
        assertEquals(Set.of(), MetricNames.inQuery("vector(1)"));
    }

    @Test
    void findsTheMetricsAScrapeExposes() {
        String scrape = """
                # HELP botty_commands_total Commands
                # TYPE botty_commands_total counter
                botty_commands_total{command="avatar",outcome="ok"} 2.0
                jvm_threads_live_threads 21.0
                """;
        assertEquals(Set.of("botty_commands_total", "jvm_threads_live_threads"), MetricNames.inScrape(scrape));
    }
}
