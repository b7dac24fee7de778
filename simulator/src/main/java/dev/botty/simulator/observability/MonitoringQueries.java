package dev.botty.simulator.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The PromQL in botty's monitoring files: every panel target of a Grafana dashboard (rows
 * included) and every rule of a Prometheus rules file, each with where it came from.
 */
public final class MonitoringQueries {
    /** One expression and where it is ({@code panel "Command rate" target A}, {@code rule ServiceDown}). */
    public record Query(String where, String expr) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringQueries() {}

    /** Every target expression of every panel; fails on a file that is not JSON. */
    public static List<Query> ofDashboard(Path dashboard) throws IOException {
        JsonNode root = JSON.readTree(dashboard.toFile());
        List<Query> queries = new ArrayList<>();
        panels(root.path("panels"), queries);
        return queries;
    }

    private static void panels(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                queries.add(new Query("panel \"" + panel.path("title").asText() + "\" target " + target.path("refId").asText(), expr));
            }
            panels(panel.path("panels"), queries);
        }
    }

    /** Every alerting or recording rule's expression; fails on a file that is not YAML. */
    public static List<Query> ofRules(Path rules) throws IOException {
        Object root;
        try (Reader reader = Files.newBufferedReader(rules)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        List<Query> queries = new ArrayList<>();
        if (!(root instanceof Map<?, ?> file) || !(file.get("groups") instanceof List<?> groups)) {
            throw new IOException(rules + " has no rule groups");
        }
        for (Object group : groups) {
            if (group instanceof Map<?, ?> g && g.get("rules") instanceof List<?> list) {
                for (Object rule : list) {
                    if (rule instanceof Map<?, ?> r) {
                        Object name = r.get("alert") != null ? r.get("alert") : r.get("record");
                        queries.add(new Query("rule " + name, String.valueOf(r.get("expr"))));
                    }
                }
            }
        }
        return queries;
    }
}
