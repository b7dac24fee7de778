package dev.botty.interactions.command.lyrics;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.Embed;
import dev.botty.interactions.voice.VoiceNodeStatuses;
import dev.botty.internal.CommandDefinition;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.NodeStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /lyrics [query] [page]}: the lyrics of what plays in this server (asked of the voice node
 * that owns it), or of a song named in {@code query}, from LRCLIB; timed lines with their times
 * when LRCLIB has them, in pages that fit an embed. A clean answer when there are none.
 */
@Singleton
final class LyricsCommand implements SlashCommand {
    static final int PAGE_CHARACTERS = 3_800;
    private static final CommandDefinition DEFINITION = CommandDefinition.slash("lyrics", "Show the lyrics of what is playing, or of a song")
            .with(OptionDefinition.string("query", "A song to look up instead, like: loopback rock the localhosts", false).withLength(1, 200))
            .with(OptionDefinition.integer("page", "Page of the lyrics", false, 1, 50));

    private final Lrclib lrclib;
    private final VoiceNodeStatuses nodes;

    LyricsCommand(Lrclib lrclib, VoiceNodeStatuses nodes) {
        this.lrclib = lrclib;
        this.nodes = nodes;
    }

    @Override
    public CommandDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        int page = (int) (long) invocation.integer("page").orElse(1L);
        Optional<String> query = invocation.string("query").map(String::strip).filter(q -> !q.isEmpty());
        if (query.isPresent()) {
            return lrclib.search(query.get()).thenApply(found -> answer(found, "“" + clip(query.get(), 100) + "”", page));
        }
        Optional<Long> guild = invocation.guildId().flatMap(LyricsCommand::snowflake);
        if (guild.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.refusal("🎤 Name a song: `/lyrics query:…` (outside a server nothing plays)."));
        }
        return nodes.nowPlaying(guild.get()).thenCompose(playing -> {
            if (playing.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.refusal("🎤 Nothing is playing here. Name a song: `/lyrics query:…`."));
            }
            NodeStatus.NowPlaying now = playing.get();
            return lrclib.search(now.title(), now.author())
                    .thenCompose(found -> found.isPresent() && found.get().stream().anyMatch(Lrclib.Song::hasLyrics)
                            ? CompletableFuture.completedFuture(found)
                            : lrclib.search(now.title()))
                    .thenApply(found -> answer(found, "**" + clip(now.title(), 100) + "**", page));
        });
    }

    private static Reply answer(Optional<List<Lrclib.Song>> found, String asked, int page) {
        if (found.isEmpty()) {
            return Reply.failure("🎤 LRCLIB can't be reached right now; try again in a minute.");
        }
        Optional<Lrclib.Song> song = found.get().stream().filter(Lrclib.Song::hasLyrics).findFirst();
        if (song.isEmpty()) {
            boolean instrumental = found.get().stream().anyMatch(s -> Boolean.TRUE.equals(s.instrumental()));
            return Reply.refusal(instrumental ? "🎤 " + asked + " is an instrumental: no lyrics." : "🎤 LRCLIB has no lyrics for " + asked + ".");
        }
        Lrclib.Song lyrics = song.get();
        boolean timed = lyrics.syncedLyrics() != null && !lyrics.syncedLyrics().isBlank();
        List<String> pages = pages(timed ? lyrics.syncedLyrics() : lyrics.plainLyrics());
        if (page > pages.size()) {
            return Reply.refusal("📄 There " + (pages.size() == 1 ? "is 1 page" : "are " + pages.size() + " pages") + " of lyrics.");
        }
        String title = "🎤 " + clip(text(lyrics.trackName()) + " — " + text(lyrics.artistName()), 250);
        return Reply.embed(Embed.of(title, pages.get(page - 1))
                .withFooter((timed ? "Timed lines" : "Lyrics") + " from LRCLIB · page " + page + "/" + pages.size()));
    }

    /** The lines in pages of whole lines that fit an embed's description, timed lines as {@code `1:02` text}. */
    static List<String> pages(String lyrics) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        for (String raw : lyrics.split("\n")) {
            String line = clip(timed(raw.strip()), 500);
            if (page.length() + line.length() + 1 > PAGE_CHARACTERS && !page.isEmpty()) {
                pages.add(page.toString().strip());
                page.setLength(0);
            }
            page.append(line).append('\n');
        }
        if (!page.toString().isBlank()) {
            pages.add(page.toString().strip());
        }
        return pages.isEmpty() ? List.of("…") : pages;
    }

    /** {@code [01:02.50] text} as {@code `1:02` text}; other lines as they are, Markdown kept from formatting. */
    private static String timed(String line) {
        java.util.regex.Matcher lrc = java.util.regex.Pattern.compile("^\\[(\\d+):(\\d{2})(?:\\.\\d+)?]\\s*(.*)$").matcher(line);
        if (lrc.matches()) {
            return "`" + Integer.parseInt(lrc.group(1)) + ":" + lrc.group(2) + "` " + escape(lrc.group(3));
        }
        return escape(line);
    }

    private static String escape(String text) {
        return text.replaceAll("([\\\\*_~`|>])", "\\\\$1");
    }

    private static String text(String value) {
        return value == null ? "?" : value;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Optional<Long> snowflake(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id));
        } catch (NumberFormatException notOne) {
            return Optional.empty();
        }
    }
}
