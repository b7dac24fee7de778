package dev.botty.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds interaction payloads shaped like the examples in Discord's documentation
 * ({@code developers/interactions/receiving-and-responding}, {@code application-commands} and the
 * user-installable app tutorial): a guild invocation carries {@code member} (with {@code user}),
 * a DM carries {@code user}; snowflakes are strings; {@code context} and
 * {@code authorizing_integration_owners} say where and how the app was invoked.
 */
public final class InteractionBuilder {
    public static final int PING = 1;
    public static final int APPLICATION_COMMAND = 2;
    public static final int MESSAGE_COMPONENT = 3;
    public static final int AUTOCOMPLETE = 4;

    public static final int STRING = 3;
    public static final int INTEGER = 4;
    public static final int BOOLEAN = 5;
    public static final int USER = 6;
    public static final int NUMBER = 10;

    /** The application id the local mode of the interactions-api uses. */
    public static final String LOCAL_APPLICATION_ID = "1100000000000000001";
    /** The guild, channel and user of a guild invocation unless told otherwise; {@link World} has them too. */
    public static final String LOCAL_GUILD_ID = "1000000000000000001";
    public static final String LOCAL_CHANNEL_ID = "1000000000000000002";
    public static final String LOCAL_USER_ID = "1200000000000000001";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Snowflake-looking ids that increase, so every built interaction has its own id and token.
    private static final AtomicLong SEQUENCE = new AtomicLong(1_300_000_000_000_000_000L);

    private final int type;
    private final String commandName;
    private String applicationId = LOCAL_APPLICATION_ID;
    private String userId = LOCAL_USER_ID;
    private String username = "homelab_owner";
    private String globalName = "Homelab Owner";
    private String discriminator = "0";
    private String avatar = null;
    private String guildId = "1000000000000000001";
    private String channelId = LOCAL_CHANNEL_ID;
    private List<String> roles = List.of();
    private int context = 0;
    private boolean userInstalled = false;
    private final List<ObjectNode> options = new ArrayList<>();
    private final ObjectNode resolvedUsers = JSON.objectNode();
    private final ObjectNode resolvedMembers = JSON.objectNode();

    private InteractionBuilder(int type, String commandName) {
        this.type = type;
        this.commandName = commandName;
    }

    public static InteractionBuilder ping() {
        return new InteractionBuilder(PING, null);
    }

    public static InteractionBuilder command(String name) {
        return new InteractionBuilder(APPLICATION_COMMAND, name);
    }

    public static InteractionBuilder autocomplete(String name) {
        return new InteractionBuilder(AUTOCOMPLETE, name);
    }

    /**
     * A click on a button ({@code MESSAGE_COMPONENT}, component type 2) with this custom id, on a
     * message the bot posted, as Discord sends it.
     */
    public static InteractionBuilder click(String customId) {
        return new InteractionBuilder(MESSAGE_COMPONENT, customId);
    }

    /** Any interaction type, for probing how the endpoint treats types it does not serve. */
    public static InteractionBuilder ofType(int type, String name) {
        return new InteractionBuilder(type, name);
    }

    public InteractionBuilder applicationId(String id) {
        this.applicationId = id;
        return this;
    }

    /** Who invokes the command. */
    public InteractionBuilder by(String userId, String username) {
        this.userId = userId;
        this.username = username;
        this.globalName = username;
        return this;
    }

    public InteractionBuilder avatar(String hash) {
        this.avatar = hash;
        return this;
    }

    /** A guild invocation (context 0) by a member holding {@code roleIds}. */
    public InteractionBuilder inGuild(String guildId, String... roleIds) {
        this.guildId = guildId;
        this.roles = List.of(roleIds);
        this.context = 0;
        return this;
    }

    /** A DM with the bot (context 1): no guild, no member, just the user. */
    public InteractionBuilder inBotDm() {
        this.guildId = null;
        this.roles = List.of();
        this.context = 1;
        return this;
    }

    /** A user-installed app in a group DM or someone else's DM (context 2). */
    public InteractionBuilder inPrivateChannel() {
        this.guildId = null;
        this.roles = List.of();
        this.context = 2;
        this.userInstalled = true;
        return this;
    }

    /** The app is installed to the invoking user rather than the guild. */
    public InteractionBuilder userInstalled() {
        this.userInstalled = true;
        return this;
    }

    public InteractionBuilder option(String name, int optionType, Object value) {
        ObjectNode option = JSON.objectNode().put("name", name).put("type", optionType);
        option.set("value", MAPPER.valueToTree(value));
        options.add(option);
        return this;
    }

    /** The option the user is typing into, for autocomplete. */
    public InteractionBuilder focused(String name, String partialValue) {
        ObjectNode option = JSON.objectNode().put("name", name).put("type", STRING).put("value", partialValue);
        option.put("focused", true);
        options.add(option);
        return this;
    }

    /** A user option together with its {@code resolved.users} entry. */
    public InteractionBuilder userOption(String name, String id, String username, String discriminator, String avatarHash) {
        option(name, USER, id);
        ObjectNode user = JSON.objectNode().put("id", id).put("username", username).put("discriminator", discriminator);
        user.put("global_name", username);
        user.put("avatar", avatarHash);
        user.put("public_flags", 0);
        resolvedUsers.set(id, user);
        return this;
    }

    /** The partial member of a resolved user (no {@code user} field, as Discord sends it). */
    public InteractionBuilder resolvedMember(String id, String memberAvatarHash) {
        ObjectNode member = JSON.objectNode();
        member.put("avatar", memberAvatarHash);
        member.set("roles", JSON.arrayNode());
        member.put("joined_at", "2024-03-01T12:00:00.000000+00:00");
        member.put("nick", (String) null);
        member.put("permissions", "2248473465835073");
        resolvedMembers.set(id, member);
        return this;
    }

    public ObjectNode toNode() {
        ObjectNode root = JSON.objectNode();
        long id = SEQUENCE.incrementAndGet();
        root.put("id", Long.toString(id));
        root.put("application_id", applicationId);
        root.put("type", type);
        root.put("token", "aW50ZXJhY3Rpb246" + id + ":c2ltdWxhdGVk");
        root.put("version", 1);
        if (type != PING) {
            root.set("data", type == MESSAGE_COMPONENT ? componentData() : data());
            if (type == MESSAGE_COMPONENT) {
                root.set("message", clickedMessage(id));
            }
            root.put("channel_id", channelId);
            root.put("app_permissions", "2248473465835073");
            root.put("locale", "en-US");
            root.put("context", context);
            ObjectNode owners = root.putObject("authorizing_integration_owners");
            if (userInstalled || guildId == null) {
                owners.put("1", userId);
            }
            if (guildId != null && !userInstalled) {
                owners.put("0", guildId);
            }
            if (guildId != null) {
                root.put("guild_id", guildId);
                root.put("guild_locale", "en-US");
                ObjectNode member = root.putObject("member");
                member.set("user", user());
                ArrayNode roleIds = member.putArray("roles");
                roles.forEach(roleIds::add);
                member.put("avatar", (String) null);
                member.put("nick", (String) null);
                member.put("joined_at", "2024-03-01T12:00:00.000000+00:00");
                member.put("permissions", "2248473465835073");
                member.put("deaf", false);
                member.put("mute", false);
                member.put("pending", false);
                member.put("flags", 0);
            } else {
                root.set("user", user());
            }
        }
        return root;
    }

    public String toJson() {
        return toNode().toString();
    }

    private ObjectNode user() {
        ObjectNode user = JSON.objectNode();
        user.put("id", userId);
        user.put("username", username);
        user.put("global_name", globalName);
        user.put("discriminator", discriminator);
        user.put("avatar", avatar);
        user.put("public_flags", 0);
        return user;
    }

    /** A click's data: the button's custom id. */
    private ObjectNode componentData() {
        return JSON.objectNode().put("custom_id", commandName).put("component_type", 2);
    }

    /** The bot's message the clicked button sits under (the interaction carries it whole). */
    private ObjectNode clickedMessage(long interactionId) {
        ObjectNode message = JSON.objectNode();
        message.put("id", Long.toString(interactionId - 1));
        message.put("channel_id", channelId);
        message.put("type", 0);
        message.put("content", "");
        message.putArray("embeds");
        message.put("timestamp", "2026-03-01T12:00:00.000000+00:00");
        ObjectNode author = message.putObject("author");
        author.put("id", applicationId);
        author.put("username", "botty");
        author.put("bot", true);
        return message;
    }

    private ObjectNode data() {
        ObjectNode data = JSON.objectNode();
        data.put("id", "1400000000000000" + String.format("%03d", Math.abs(commandName.hashCode()) % 1000));
        data.put("name", commandName);
        data.put("type", 1);
        if (!options.isEmpty()) {
            ArrayNode array = data.putArray("options");
            options.forEach(array::add);
        }
        if (!resolvedUsers.isEmpty()) {
            ObjectNode resolved = data.putObject("resolved");
            resolved.set("users", resolvedUsers);
            if (!resolvedMembers.isEmpty()) {
                resolved.set("members", resolvedMembers);
            }
        }
        return data;
    }
}
