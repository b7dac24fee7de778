package dev.botty.service.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads settings from environment variables, or from the file named by {@code NAME_FILE}. Setting
 * both is refused, so a stale variable can never silently shadow a mounted secret.
 */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The value set (directly or through a file), else the default, else empty. */
    public Optional<String> get(SettingDefinition setting) {
        String name = setting.name();
        String direct = blankToNull(variables.get(name));
        String file = blankToNull(variables.get(name + "_FILE"));
        if (direct != null && file != null) {
            throw new ConfigException(name + " and " + name + "_FILE are both set; set one of them");
        }
        if (file != null) {
            try {
                return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(name + "_FILE names a file that cannot be read: " + file);
            }
        }
        return Optional.ofNullable(direct != null ? direct.strip() : setting.defaultValue());
    }

    public String require(SettingDefinition setting, String why) {
        return get(setting).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new ConfigException(setting.name() + " is required " + why));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
