package dev.botty.voice.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.events.guild.voice.GuildVoiceUpdateEvent;
import net.dv8tion.jda.api.events.session.SessionInvalidateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns JDA's voice updates into {@link VoiceEvent}s: the bot's own joins, moves and
 * disconnects, and whether anyone is left with it. Runs on JDA's event thread, after the cache
 * has taken the update in, so the channel's members are already the new ones.
 */
final class ChannelPresenceTracker extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPresenceTracker.class);

    private final List<VoiceEventListener> listeners;
    /** Per guild the bot is in voice in: whether it was alone at the last look. */
    private final Map<Long, Boolean> aloneByGuild = new ConcurrentHashMap<>();

    ChannelPresenceTracker(List<VoiceEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onGuildVoiceUpdate(GuildVoiceUpdateEvent event) {
        Guild guild = event.getGuild();
        long guildId = guild.getIdLong();
        if (event.getMember().getIdLong() == guild.getSelfMember().getIdLong()) {
            AudioChannel left = event.getChannelLeft();
            AudioChannel joined = event.getChannelJoined();
            if (joined == null) {
                aloneByGuild.remove(guildId);
                emit(new VoiceEvent.BotDisconnected(guildId, left.getIdLong()));
                return;
            }
            emit(left == null
                    ? new VoiceEvent.BotJoined(guildId, joined.getIdLong())
                    : new VoiceEvent.BotMoved(guildId, left.getIdLong(), joined.getIdLong()));
        }
        lookAround(guild);
    }

    @Override
    public void onSessionInvalidate(SessionInvalidateEvent event) {
        // JDA drops its whole cache; what was known about company is stale.
        aloneByGuild.clear();
    }

    private void lookAround(Guild guild) {
        GuildVoiceState self = guild.getSelfMember().getVoiceState();
        AudioChannel channel = self == null ? null : self.getChannel();
        if (channel == null) {
            return;
        }
        boolean alone = channel.getMembers().stream().allMatch(member -> member.getUser().isBot());
        Boolean wasAlone = aloneByGuild.put(guild.getIdLong(), alone);
        if (alone && !Boolean.TRUE.equals(wasAlone)) {
            emit(new VoiceEvent.AloneInChannel(guild.getIdLong(), channel.getIdLong()));
        } else if (!alone && Boolean.TRUE.equals(wasAlone)) {
            emit(new VoiceEvent.ListenerReturned(guild.getIdLong(), channel.getIdLong()));
        }
    }

    private void emit(VoiceEvent event) {
        LOG.info("{}", event);
        for (VoiceEventListener listener : listeners) {
            try {
                listener.onVoiceEvent(event);
            } catch (RuntimeException e) {
                LOG.error("voice event listener failed on {}", event, e);
            }
        }
    }
}
