package dev.botty.voice.gateway;

import dev.botty.internal.MusicReply.Card;
import dev.botty.internal.MusicReply.Control;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IVoiceStatusChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;

/**
 * What the bot shows in a guild besides answers to commands: one "now playing" message per guild,
 * posted once and then edited in place, and the voice channel's status (the line under its name
 * saying what plays). Both are best effort: without the permission, nothing is sent and the
 * future completes empty-handed rather than failing the music.
 */
public final class ChannelNotices {
    /** Discord's limit on a voice channel status. */
    static final int MAX_STATUS = IVoiceStatusChannel.MAX_STATUS_LENGTH;

    private final JDA jda;

    ChannelNotices(JDA jda) {
        this.jda = jda;
    }

    /**
     * Posts the card in the channel, or edits message {@code messageId} there when it is not 0.
     * Completes with the message's id (the same one when edited; a new one when the old message
     * is gone), or 0 when the bot may not post there.
     */
    public CompletableFuture<Long> postOrEdit(long channelId, long messageId, Card card, List<Control> controls) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null || !channel.canTalk() || !mayEmbed(channel)) {
            return CompletableFuture.completedFuture(0L);
        }
        MessageEmbed embed = embed(card);
        List<ActionRow> rows = controls.isEmpty() ? List.of() : List.of(ActionRow.of(controls.stream().map(ChannelNotices::button).toList()));
        CompletableFuture<Message> sent;
        try {
        if (messageId == 0) {
            sent = channel.sendMessageEmbeds(embed).setComponents(rows).setAllowedMentions(List.of()).submit();
        } else {
            sent = channel.editMessageEmbedsById(messageId, embed).setComponents(rows).submit()
                    // Deleted meanwhile: post a fresh one.
                    .exceptionallyCompose(gone -> channel.sendMessageEmbeds(embed).setComponents(rows).setAllowedMentions(List.of()).submit());
        }
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return sent.thenApply(Message::getIdLong);
    }

    /**
     * Sets the voice channel's status ({@code ""} clears it). Discord lets a bot do that with Set
     * Voice Channel Status while it sits in the channel, and otherwise only with Manage Channels;
     * completes false (sending nothing) when it may not.
     */
    public CompletableFuture<Boolean> voiceStatus(long guildId, long channelId, String status) {
        Guild guild = jda.getGuildById(guildId);
        GuildChannel channel = guild == null ? null : guild.getGuildChannelById(channelId);
        if (!(channel instanceof IVoiceStatusChannel voice) || !(channel instanceof StandardGuildChannel standard)
                || !guild.getSelfMember().hasPermission(standard, botSitsIn(guild, channelId) ? Permission.VOICE_SET_STATUS : Permission.MANAGE_CHANNEL)) {
            return CompletableFuture.completedFuture(false);
        }
        String text = status.length() > MAX_STATUS ? status.substring(0, MAX_STATUS - 1) + "…" : status;
        try {
            return voice.modifyStatus(text).submit().thenApply(done -> true);
        } catch (RuntimeException refused) {
            // JDA checks permissions against its cache before sending; a change it has not seen yet.
            return CompletableFuture.failedFuture(refused);
        }
    }

    private static boolean botSitsIn(Guild guild, long channelId) {
        var state = guild.getSelfMember().getVoiceState();
        return state != null && state.getChannel() != null && state.getChannel().getIdLong() == channelId;
    }

    private static boolean mayEmbed(GuildMessageChannel channel) {
        return channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_EMBED_LINKS);
    }

    static Button button(Control control) {
        Emoji emoji = Emoji.fromUnicode(control.emoji());
        Button button = control.active() ? Button.primary(control.customId(), control.label()) : Button.secondary(control.customId(), control.label());
        return button.withEmoji(emoji).withDisabled(control.disabled());
    }

    static MessageEmbed embed(Card card) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(card.title(), card.url()).setDescription(card.description());
        if (card.thumbnailUrl() != null) {
            embed.setThumbnail(card.thumbnailUrl());
        }
        card.fields().forEach(field -> embed.addField(field.name(), field.value(), field.inline()));
        if (card.footer() != null) {
            embed.setFooter(card.footer());
        }
        return embed.build();
    }
}
