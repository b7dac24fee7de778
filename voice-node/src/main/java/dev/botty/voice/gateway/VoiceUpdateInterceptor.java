package dev.botty.voice.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.hooks.VoiceDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes Discord's voice updates away from JDA's own audio (which botty never uses) and joins each
 * VOICE_SERVER_UPDATE with the channel of the bot's preceding VOICE_STATE_UPDATE: Discord sends
 * the state first, and the server update names no channel. JDA calls this only for the bot's own
 * voice state, and only passes on server updates that have an endpoint.
 */
final class VoiceUpdateInterceptor implements VoiceDispatchInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceUpdateInterceptor.class);

    private final List<VoiceConnectionListener> listeners;
    private final Map<Long, Long> channelByGuild = new ConcurrentHashMap<>();

    VoiceUpdateInterceptor(List<VoiceConnectionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public boolean onVoiceStateUpdate(VoiceStateUpdate update) {
        AudioChannel channel = update.getChannel();
        if (channel == null) {
            channelByGuild.remove(update.getGuildIdLong());
        } else {
            channelByGuild.put(update.getGuildIdLong(), channel.getIdLong());
        }
        // True lets JDA drop its pending connect/disconnect request once Discord confirms it,
        // instead of resending op 4 every ten seconds.
        return true;
    }

    @Override
    public void onVoiceServerUpdate(VoiceServerUpdate update) {
        long guildId = update.getGuildIdLong();
        Long channelId = channelByGuild.get(guildId);
        if (channelId == null) {
            // A server update with no state update first in this process (say, the bot was
            // already in voice when it connected): JDA's cached voice state knows the channel.
            GuildVoiceState self = update.getGuild().getSelfMember().getVoiceState();
            AudioChannel channel = self == null ? null : self.getChannel();
            if (channel == null) {
                LOG.warn("VOICE_SERVER_UPDATE for guild {} while the bot is in no voice channel; ignored", guildId);
                return;
            }
            channelId = channel.getIdLong();
        }
        VoiceConnectionUpdate connection = new VoiceConnectionUpdate(
                guildId, channelId, update.getSessionId(), update.getToken(), update.getEndpoint());
        LOG.debug("voice server for guild {}: {}", guildId, connection);
        for (VoiceConnectionListener listener : listeners) {
            try {
                listener.onVoiceConnectionUpdate(connection);
            } catch (RuntimeException e) {
                LOG.error("voice connection listener failed for guild {}", guildId, e);
            }
        }
    }
}
