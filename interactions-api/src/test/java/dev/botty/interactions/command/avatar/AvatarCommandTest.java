package dev.botty.interactions.command.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.simulator.InteractionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /avatar} through the real endpoint; expected URLs follow Discord's Image Formatting docs. */
class AvatarCommandTest {
    private static final String CDN = "https://cdn.discordapp.com/";
    private static final String GUILD = "1000000000000000001";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode embed(InteractionBuilder interaction) {
        JsonNode answer = app.post(interaction);
        assertEquals(4, answer.path("type").asInt(), "inline: " + answer);
        assertEquals(64, answer.path("data").path("flags").asInt(), "ephemeral");
        return answer.path("data").path("embeds").path(0);
    }

    @Test
    void showsANamedUsersAvatarAtFullSizeWithOtherFormats() {
        JsonNode embed = embed(InteractionBuilder.command("avatar")
                .userOption("user", "80351110224678912", "nelly", "0", "8342729096ea3675442027381ff50dfe"));
        String base = CDN + "avatars/80351110224678912/8342729096ea3675442027381ff50dfe";
        assertEquals(base + ".png?size=4096", embed.path("image").path("url").asText());
        String description = embed.path("description").asText();
        assertTrue(description.contains("(" + base + ".jpg?size=4096)"), description);
        assertTrue(description.contains("(" + base + ".webp?size=4096)"), description);
        assertFalse(description.contains(".gif"), "a static avatar has no GIF: " + description);
        assertEquals("nelly's avatar", embed.path("title").asText());
    }

    @Test
    void showsAnimatedAvatarsAsGif() {
        JsonNode embed = embed(InteractionBuilder.command("avatar")
                .userOption("user", "80351110224678912", "nelly", "0", "a_d5efa99b3eeaa7dd43acca82f5692432"));
        assertEquals(CDN + "avatars/80351110224678912/a_d5efa99b3eeaa7dd43acca82f5692432.gif?size=4096",
                embed.path("image").path("url").asText());
        assertTrue(embed.path("description").asText().contains("[GIF]"));
    }

    @Test
    void showsTheInvokersOwnAvatarWhenNoUserIsGiven() {
        JsonNode embed = embed(InteractionBuilder.command("avatar").by("1200000000000000001", "owner").avatar("0123456789abcdef0123456789abcdef"));
        assertEquals(CDN + "avatars/1200000000000000001/0123456789abcdef0123456789abcdef.png?size=4096", embed.path("image").path("url").asText());
    }

    @Test
    void showsTheDefaultAvatarOfANewUsernameByIdShift() {
        // (80351110224678912 >> 22) % 6 = 5
        JsonNode embed = embed(InteractionBuilder.command("avatar").userOption("user", "80351110224678912", "nelly", "0", null));
        assertEquals(CDN + "embed/avatars/5.png", embed.path("image").path("url").asText());
        assertEquals("nelly's default avatar", embed.path("title").asText());
    }

    @Test
    void showsTheDefaultAvatarOfALegacyTagByDiscriminator() {
        // 1337 % 5 = 2
        JsonNode embed = embed(InteractionBuilder.command("avatar").userOption("user", "80351110224678912", "nelly", "1337", null));
        assertEquals(CDN + "embed/avatars/2.png", embed.path("image").path("url").asText());
    }

    @Test
    void showsTheServerAvatarWhenAskedAndSet() {
        JsonNode embed = embed(InteractionBuilder.command("avatar").inGuild(GUILD)
                .userOption("user", "80351110224678912", "nelly", "0", "8342729096ea3675442027381ff50dfe")
                .resolvedMember("80351110224678912", "a_11112222333344445555666677778888")
                .option("server", InteractionBuilder.BOOLEAN, true));
        assertEquals(CDN + "guilds/" + GUILD + "/users/80351110224678912/avatars/a_11112222333344445555666677778888.gif?size=4096",
                embed.path("image").path("url").asText());
        assertEquals("nelly's server avatar", embed.path("title").asText());
    }

    @Test
    void showsTheMainAvatarWithANoteWhenThereIsNoServerAvatar() {
        JsonNode embed = embed(InteractionBuilder.command("avatar").inGuild(GUILD)
                .userOption("user", "80351110224678912", "nelly", "0", "8342729096ea3675442027381ff50dfe")
                .resolvedMember("80351110224678912", null)
                .option("server", InteractionBuilder.BOOLEAN, true));
        assertTrue(embed.path("image").path("url").asText().startsWith(CDN + "avatars/80351110224678912/"));
        assertTrue(embed.path("description").asText().startsWith("nelly has no server avatar here"), embed.toString());
    }

    @Test
    void explainsThatServerAvatarsDoNotExistInDms() {
        JsonNode embed = embed(InteractionBuilder.command("avatar").inBotDm().option("server", InteractionBuilder.BOOLEAN, true));
        assertTrue(embed.path("description").asText().startsWith("Server avatars exist only in servers"), embed.toString());
    }

    @Test
    void makesNoCallsToDiscord() {
        int before = app.discord().calls().size();
        embed(InteractionBuilder.command("avatar").userOption("user", "80351110224678912", "nelly", "0", null));
        assertEquals(before, app.discord().calls().size());
    }

    @Test
    void defaultIndexHandlesTheLargestSnowflakes() {
        // Snowflakes are unsigned 64-bit; the shift must not go negative.
        assertEquals((int) ((Long.parseUnsignedLong("18446744073709551615") >>> 22) % 6), Avatar.defaultIndex("18446744073709551615", "0"));
        assertTrue(Avatar.defaultIndex("18446744073709551615", "0") >= 0);
    }
}
