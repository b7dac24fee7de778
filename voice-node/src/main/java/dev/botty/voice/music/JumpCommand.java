package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /jump}: jumps to a position in the queue, dropping what comes before it. */
@Singleton
final class JumpCommand extends GuildCommand {
    JumpCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public String name() {
        return "jump";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.QUEUE_POSITION);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(Reply.ok("⏩ Jumped to " + Cards.link(music.jump(position(request))) + "."));
    }
}
