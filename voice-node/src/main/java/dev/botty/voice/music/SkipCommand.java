package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@code /skip}: on to the next track. With a DJ role set, a DJ or whoever queued the track skips
 * at once; anyone else votes, and a majority of the people in the bot's channel skips.
 */
@Singleton
final class SkipCommand extends GuildCommand {
    SkipCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.SKIP;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        if (!voice.isDj(request, music) && music.current() != null) {
            return done(vote(request, music));
        }
        return done(music.skip()
                .map(skipped -> skipped(skipped, music))
                .orElse(MusicReply.refused("🔇 Nothing is playing, so there is nothing to skip.")));
    }

    /** With a DJ role set, anyone else's skip is a vote: a majority of the people in the bot's channel skips. */
    private MusicReply vote(MusicRequest request, GuildMusic music) {
        GuildMusic.SkipVote vote = voice.voteToSkip(request, music);
        if (vote.skipped() != null) {
            return MusicReply.ok("🗳️ The vote passed (" + vote.votes() + " of " + vote.people() + "). " + skipped(vote.skipped(), music).content());
        }
        return vote.counted();
    }

    private static MusicReply skipped(QueuedTrack skipped, GuildMusic music) {
        QueuedTrack next = music.current();
        return MusicReply.ok("⏭️ Skipped " + Cards.link(skipped) + "." + (next == null ? " The queue is empty now." : " Now playing " + Cards.link(next) + "."));
    }
}
