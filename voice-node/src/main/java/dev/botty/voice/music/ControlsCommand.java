package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicControls;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.LoopMode;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A click on a button of the now-playing message ({@link MusicControls}): the same rules as the
 * commands it stands for — only people in the bot's channel steer, and with a DJ role set stop
 * is a DJ's and anyone else's skip is a vote — and, when it did something, the message as it now
 * looks, so that the interactions-api replaces the clicked message in place. A refusal goes to
 * the clicker alone.
 */
@Singleton
final class ControlsCommand extends GuildCommand {
    ControlsCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicControls.DEFINITION;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        Optional<MusicControls.Action> action = request.option(MusicControls.ACTION).flatMap(MusicControls.Action::fromKey);
        if (action.isEmpty()) {
            return done(MusicReply.refused("🎛️ That button does nothing I know of; `/nowplaying` shows the current ones."));
        }
        boolean dj = voice.isDj(request, music);
        switch (action.get()) {
            case PAUSE -> music.pause(!music.isPaused());
            case SKIP -> {
                if (!dj) {
                    GuildMusic.SkipVote vote = voice.voteToSkip(request, music);
                    if (vote.skipped() == null) {
                        return done(vote.counted());
                    }
                } else {
                    music.skip();
                }
            }
            case STOP -> {
                MusicReply refusal = voice.djRefusal(request, music);
                if (refusal != null) {
                    return done(refusal);
                }
                music.stop();
            }
            case LOOP -> music.loop(switch (music.loop()) {
                case OFF -> LoopMode.QUEUE;
                case QUEUE -> LoopMode.TRACK;
                case TRACK -> LoopMode.OFF;
            });
            case SHUFFLE -> music.shuffle();
        }
        return done(music.current() == null
                ? MusicReply.update(Cards.nothingPlaying(action.get() == MusicControls.Action.STOP ? "⏹️ Stopped" : "✅ Queue finished",
                        jukebox.services().idleTimeout()), java.util.List.of())
                : MusicReply.update(music.nowPlayingCard(), music.controls()));
    }
}
