package dev.botty.interactions.command.joke;

import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The joke categories {@code /joke} offers: JokeAPI's, without Dark (never safe for work). */
enum JokeCategory {
    ANY("Any", "🃏"),
    PROGRAMMING("Programming", "💻"),
    MISC("Misc", "🎲"),
    PUN("Pun", "🥁"),
    SPOOKY("Spooky", "👻"),
    CHRISTMAS("Christmas", "🎄");

    /** JokeAPI's name for it, also the option's value and the bundled list's tag. */
    final String apiName;
    final String emoji;

    JokeCategory(String apiName, String emoji) {
        this.apiName = apiName;
        this.emoji = emoji;
    }

    static List<ChoiceDefinition> choices() {
        return Arrays.stream(values()).map(c -> new ChoiceDefinition(c.apiName, c.apiName)).toList();
    }

    /** The category with this name (as sent by the option or tagged on a joke), ignoring case. */
    static Optional<JokeCategory> named(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName.equalsIgnoreCase(name)).findFirst();
    }
}
