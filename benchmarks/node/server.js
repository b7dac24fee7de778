'use strict';
// The conventional Node.js interactions endpoint, as Discord's own example app builds it: express
// with discord-interactions' verifyKeyMiddleware (Ed25519 check over timestamp + raw body, PING
// answered by the middleware itself), then a handler for the command. The /avatar handler does
// the same work as botty's AvatarCommand: read the resolved user, pick the CDN path, build the
// same ephemeral embed. It is the baseline of benchmarks/run.sh, not part of botty.
//
//   DISCORD_PUBLIC_KEY=<64 hex> PORT=8081 node server.js

const express = require('express');
const {
  InteractionResponseFlags,
  InteractionResponseType,
  InteractionType,
  verifyKeyMiddleware,
} = require('discord-interactions');

const publicKey = process.env.DISCORD_PUBLIC_KEY;
const port = Number(process.env.PORT || 8081);
const CDN = 'https://cdn.discordapp.com/';
const FULL_SIZE = 4096;
const BLURPLE = 0x5865f2;

function option(interaction, name) {
  const options = (interaction.data && interaction.data.options) || [];
  return options.find((o) => o && o.name === name && o.value != null);
}

function defaultIndex(userId, discriminator) {
  if (!discriminator || discriminator === '0') {
    return Number((BigInt.asUintN(64, BigInt(userId)) >> 22n) % 6n);
  }
  return Number.parseInt(discriminator, 10) % 5;
}

function userAvatar(user) {
  if (!user.avatar) {
    return { kind: 'default avatar', path: `embed/avatars/${defaultIndex(user.id, user.discriminator)}`, animated: false, isDefault: true };
  }
  return { kind: 'avatar', path: `avatars/${user.id}/${user.avatar}`, animated: user.avatar.startsWith('a_'), isDefault: false };
}

function memberAvatar(guildId, userId, hash) {
  return { kind: 'server avatar', path: `guilds/${guildId}/users/${userId}/avatars/${hash}`, animated: hash.startsWith('a_'), isDefault: false };
}

function url(avatar, format) {
  return avatar.isDefault ? `${CDN}${avatar.path}.png` : `${CDN}${avatar.path}.${format}?size=${FULL_SIZE}`;
}

function formatLinks(avatar) {
  const formats = avatar.isDefault ? ['png'] : ['png', 'jpg', 'webp', ...(avatar.animated ? ['gif'] : [])];
  return formats.map((f) => `[${f.toUpperCase()}](${url(avatar, f)})`).join(' · ');
}

function displayName(user) {
  if (user.global_name && user.global_name.trim()) {
    return user.global_name;
  }
  return user.username == null ? `User ${user.id}` : user.username;
}

function ephemeral(data) {
  return {
    type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
    data: { ...data, flags: InteractionResponseFlags.EPHEMERAL, allowed_mentions: { parse: [] } },
  };
}

function avatarCommand(interaction) {
  const resolved = (interaction.data && interaction.data.resolved) || {};
  const named = option(interaction, 'user');
  const namedUser = named && resolved.users ? resolved.users[String(named.value)] : undefined;
  const namedMember = namedUser && resolved.members ? resolved.members[String(named.value)] : undefined;
  const invoker = (interaction.member && interaction.member.user) || interaction.user;
  const user = namedUser || invoker;
  if (!user) {
    return ephemeral({ content: "I couldn't tell whose avatar to show. Try picking a user from the list." });
  }
  const serverHash = namedUser ? namedMember && namedMember.avatar : interaction.member && interaction.member.avatar;
  const server = option(interaction, 'server');
  const wantServer = server !== undefined && server.value === true;
  const name = displayName(user);

  let avatar;
  let note = null;
  if (wantServer && interaction.guild_id && serverHash) {
    avatar = memberAvatar(interaction.guild_id, user.id, serverHash);
  } else {
    avatar = userAvatar(user);
    if (wantServer) {
      note = interaction.guild_id
        ? `${name} has no server avatar here; this is their main avatar.`
        : 'Server avatars exist only in servers; this is their main avatar.';
    }
  }
  let description = `Open as ${formatLinks(avatar)}`;
  if (note !== null) {
    description = `${note}\n${description}`;
  }
  const full = url(avatar, avatar.animated ? 'gif' : 'png');
  return ephemeral({
    embeds: [{ title: `${name}'s ${avatar.kind}`, description, url: full, color: BLURPLE, image: { url: full } }],
  });
}

const app = express();
app.post('/interactions', verifyKeyMiddleware(publicKey), (req, res) => {
  const interaction = req.body;
  if (interaction.type === InteractionType.APPLICATION_COMMAND && interaction.data && interaction.data.name === 'avatar') {
    return res.json(avatarCommand(interaction));
  }
  return res.status(400).json({ error: 'unknown command' });
});

app.listen(port, '127.0.0.1', () => {
  console.log(`node baseline listening on http://127.0.0.1:${port}/interactions`);
});
