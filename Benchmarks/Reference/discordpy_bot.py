"""`make bench`'s reference bot: the smallest discord.py 2.x bot doing what the start-up and idle rows
measure for boss-host. It logs in (GET /users/@me), connects to the gateway with zlib-stream, IDENTIFYs
with the message-content intent, registers a slash command after READY (PUT /applications/{id}/commands,
as boss-host does) and answers `$ping`.
Usage: DISCORD_TOKEN=... BOSS_DISCORD_API_URL=http://.../api/v10 BOSS_GATEWAY_URL=ws://... python3 THIS
"""
import os

import discord
import yarl
from discord import app_commands

discord.http.Route.BASE = os.environ["BOSS_DISCORD_API_URL"]
# discord.py 2.x connects to its built-in gateway address rather than asking GET /gateway/bot.
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["BOSS_GATEWAY_URL"])
intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)
tree = app_commands.CommandTree(client)


@tree.command(name="ping", description="Check that the bot is alive")
async def ping(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("pong")


@client.event
async def on_ready() -> None:
    await tree.sync()
    print("ready", flush=True)


@client.event
async def on_message(message: discord.Message) -> None:
    if message.content == "$ping":
        await message.reply("pong")


client.run(os.environ["DISCORD_TOKEN"], log_handler=None)
