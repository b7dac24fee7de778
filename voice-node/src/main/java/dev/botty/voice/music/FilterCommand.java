package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.FilterPreset;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /filter}: a sound preset for the guild (bass boost, nightcore, …), kept across tracks and restarts. */
@Singleton
final class FilterCommand extends GuildCommand {
    FilterCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.FILTER;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.DJ);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        Optional<FilterPreset> preset = request.option("preset").flatMap(FilterPreset::fromKey);
        if (preset.isEmpty()) {
            return done(MusicReply.refused("🎛️ Pick a filter from the list."));
        }
        if (preset.get() == music.filter()) {
            return done(MusicReply.refused(preset.get() == FilterPreset.OFF ? "🎛️ No filter is on." : "🎛️ " + preset.get().label() + " is on already."));
        }
        music.filter(preset.get());
        return done(MusicReply.ok(preset.get() == FilterPreset.OFF ? "🎛️ Filters off: the music sounds as recorded."
                : "🎛️ " + preset.get().label() + " is on."));
    }
}
