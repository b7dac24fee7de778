package dev.botty.interactions.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** A row of buttons under a message (Discord's message components: an action row, type 1, of buttons, type 2). */
@Serdeable
public record ActionRow(int type, List<Button> components) {
    public static final int ACTION_ROW = 1;

    public static ActionRow of(List<Button> buttons) {
        return new ActionRow(ACTION_ROW, List.copyOf(buttons));
    }

    /**
     * A button that sends {@code customId} back when clicked.
     *
     * @param style 1 primary (highlighted), 2 secondary
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(int type, int style, String label, @Nullable Emoji emoji, String customId, boolean disabled) {
        public static final int BUTTON = 2;
        public static final int PRIMARY = 1;
        public static final int SECONDARY = 2;

        public static Button of(String customId, String emoji, String label, boolean primary, boolean disabled) {
            return new Button(BUTTON, primary ? PRIMARY : SECONDARY, label, new Emoji(emoji), customId, disabled);
        }
    }

    /** A Unicode emoji on a button. */
    @Serdeable
    public record Emoji(String name) {}
}
