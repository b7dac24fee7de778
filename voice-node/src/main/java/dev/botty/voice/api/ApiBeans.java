package dev.botty.voice.api;

import dev.botty.service.status.RecentErrors;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.config.VoiceNodeConfig;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.music.MusicOverview;
import dev.botty.voice.music.MusicTrouble;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;

/** The internal API's parts, from the configuration. */
@Factory
final class ApiBeans {
    @Singleton
    RequestCheck requestCheck(VoiceNodeConfig config) {
        // Wall time, always: the replay window is about when the request was really signed.
        return new RequestCheck(config.api().secret(), InstantSource.system());
    }

    /** The music reports its trouble to the node's one list of recent errors. */
    @Singleton
    MusicTrouble musicTrouble(RecentErrors errors) {
        return errors::record;
    }

    @Singleton
    CommandDispatcher dispatcher(VoiceNodeConfig config, List<MusicCommand> commands, CommandStats stats, RecentErrors errors) {
        return new CommandDispatcher(commands, stats, errors);
    }

    @Singleton
    StatusReport statusReport(VoiceNodeConfig config, VoiceGateway gateway, MusicOverview music, CommandStats stats, RecentErrors errors,
                              InstantSource clock) {
        String version = StatusReport.class.getPackage().getImplementationVersion();
        return new StatusReport(version == null ? "dev" : version, config.gateway().shardId(), config.gateway().shardCount(), gateway, music,
                stats, errors, clock);
    }
}
